import Link from "next/link";

export interface FilterFormProps {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  workflows: readonly string[];
  statuses: readonly string[];
}

const field = "block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A plain GET form: filters live in the URL, so views can be shared and work without JavaScript. */
export function RunFiltersForm({ values, errors, workflows, statuses }: FilterFormProps) {
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="mt-1 text-xs text-red-800">
        {errors[name]}
      </p>
    ) : null;
  const describedBy = (name: string) => (errors[name] ? `${name}-error` : undefined);
  return (
    <form
      method="get"
      action="/runs"
      className="mb-4 grid grid-cols-2 gap-3 rounded border border-slate-200 bg-white p-3 md:grid-cols-6"
      aria-label="Filter runs"
    >
      <div>
        <label htmlFor="workflow" className="text-xs font-medium text-slate-700">
          Workflow
        </label>
        <select
          id="workflow"
          name="workflow"
          defaultValue={values.workflow ?? ""}
          className={field}
          aria-describedby={describedBy("workflow")}
        >
          <option value="">All workflows</option>
          {workflows.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
        {error("workflow")}
      </div>
      <div>
        <label htmlFor="branch" className="text-xs font-medium text-slate-700">
          Branch
        </label>
        <input
          id="branch"
          name="branch"
          defaultValue={values.branch ?? ""}
          className={field}
          aria-describedby={describedBy("branch")}
        />
        {error("branch")}
      </div>
      <div>
        <label htmlFor="status" className="text-xs font-medium text-slate-700">
          Status
        </label>
        <select
          id="status"
          name="status"
          defaultValue={values.status ?? ""}
          className={field}
          aria-describedby={describedBy("status")}
        >
          <option value="">Any status</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {s.replace("_", " ")}
            </option>
          ))}
        </select>
        {error("status")}
      </div>
      <div>
        <label htmlFor="actor" className="text-xs font-medium text-slate-700">
          Actor
        </label>
        <input
          id="actor"
          name="actor"
          defaultValue={values.actor ?? ""}
          className={field}
          aria-describedby={describedBy("actor")}
        />
        {error("actor")}
      </div>
      <div>
        <label htmlFor="sha" className="text-xs font-medium text-slate-700">
          Commit SHA
        </label>
        <input
          id="sha"
          name="sha"
          defaultValue={values.sha ?? ""}
          className={`${field} font-mono`}
          aria-invalid={errors.sha ? true : undefined}
          aria-describedby={describedBy("sha")}
        />
        {error("sha")}
      </div>
      <div className="flex items-end gap-2">
        <button
          type="submit"
          className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-800"
        >
          Apply filters
        </button>
        <Link href="/runs" className="px-2 py-1.5 text-sm text-blue-800 underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
