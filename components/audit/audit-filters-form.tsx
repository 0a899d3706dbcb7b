import Link from "next/link";

const field = "block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A plain GET form: the filters live in the URL, so a view can be shared and works without JavaScript. */
export function AuditFiltersForm({
  values,
  errors,
  actions,
}: {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  /** Actions recorded so far. */
  actions: readonly string[];
}) {
  const error = (name: string) =>
    errors[name] ? (
      <p id={`audit-${name}-error`} className="mt-1 text-xs text-red-800">
        {errors[name]}
      </p>
    ) : null;
  const a11y = (name: string) =>
    errors[name] ? { "aria-invalid": true, "aria-describedby": `audit-${name}-error` } : {};
  const choices = values.action && !actions.includes(values.action) ? [values.action, ...actions] : actions;
  return (
    <form
      method="get"
      action="/audit"
      aria-label="Filter audit events"
      className="mb-4 grid grid-cols-2 gap-3 rounded border border-slate-200 bg-white p-3 md:grid-cols-6"
    >
      <div>
        <label htmlFor="audit-actor" className="text-xs font-medium text-slate-700">
          Actor (login)
        </label>
        <input
          id="audit-actor"
          name="actor"
          defaultValue={values.actor ?? ""}
          className={field}
          {...a11y("actor")}
        />
        {error("actor")}
      </div>
      <div>
        <label htmlFor="audit-action" className="text-xs font-medium text-slate-700">
          Action
        </label>
        <select
          id="audit-action"
          name="action"
          defaultValue={values.action ?? ""}
          className={field}
          {...a11y("action")}
        >
          <option value="">Any action</option>
          {choices.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        {error("action")}
      </div>
      <div>
        <label htmlFor="audit-sha" className="text-xs font-medium text-slate-700">
          Commit SHA or prefix
        </label>
        <input
          id="audit-sha"
          name="sha"
          defaultValue={values.sha ?? ""}
          className={`${field} font-mono`}
          spellCheck={false}
          {...a11y("sha")}
        />
        {error("sha")}
      </div>
      <div>
        <label htmlFor="audit-from" className="text-xs font-medium text-slate-700">
          From (UTC day)
        </label>
        <input
          id="audit-from"
          name="from"
          type="date"
          defaultValue={values.from ?? ""}
          className={field}
          {...a11y("from")}
        />
        {error("from")}
      </div>
      <div>
        <label htmlFor="audit-to" className="text-xs font-medium text-slate-700">
          To (UTC day, included)
        </label>
        <input
          id="audit-to"
          name="to"
          type="date"
          defaultValue={values.to ?? ""}
          className={field}
          {...a11y("to")}
        />
        {error("to")}
      </div>
      <div className="flex items-end gap-2">
        <button
          type="submit"
          className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-800"
        >
          Apply filters
        </button>
        <Link href="/audit" className="px-2 py-1.5 text-sm text-blue-800 underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
