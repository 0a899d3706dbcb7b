import Link from "next/link";
import type { ReactNode } from "react";

const FIELD = "block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * A plain GET form whose filters live in the URL, so a view can be shared and works without
 * JavaScript; ends with Apply and a Clear link back to the unfiltered page.
 */
export function FilterForm({
  action,
  label,
  children,
}: {
  action: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      action={action}
      aria-label={label}
      className="mb-4 grid grid-cols-2 gap-3 rounded border border-slate-200 bg-white p-3 md:grid-cols-6"
    >
      {children}
      <div className="flex items-end gap-2">
        <button
          type="submit"
          className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-800"
        >
          Apply filters
        </button>
        <Link href={action} className="px-2 py-1.5 text-sm text-blue-800 underline">
          Clear
        </Link>
      </div>
    </form>
  );
}

interface FieldProps {
  /** Prefix of the element ids, unique on the page (`runs`, `audit`). */
  form: string;
  name: string;
  label: string;
  value: string | undefined;
  /** Shown under the field and announced with it. */
  error: string | undefined;
}

function Field({ form, name, label, error, children }: Omit<FieldProps, "value"> & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={`${form}-${name}`} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${form}-${name}-error`} className="mt-1 text-xs text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const a11y = ({ form, name, error }: FieldProps) =>
  error ? { "aria-invalid": true, "aria-describedby": `${form}-${name}-error` } : {};

export function TextFilter(props: FieldProps & { type?: "text" | "date"; mono?: boolean }) {
  const { form, name, value, type = "text", mono = false } = props;
  return (
    <Field {...props}>
      <input
        id={`${form}-${name}`}
        name={name}
        type={type}
        defaultValue={value ?? ""}
        className={mono ? `${FIELD} font-mono` : FIELD}
        spellCheck={mono ? false : undefined}
        {...a11y(props)}
      />
    </Field>
  );
}

export function SelectFilter(
  props: FieldProps & { anyLabel: string; options: readonly { value: string; label: string }[] },
) {
  const { form, name, value, anyLabel, options } = props;
  return (
    <Field {...props}>
      <select
        id={`${form}-${name}`}
        name={name}
        defaultValue={value ?? ""}
        className={FIELD}
        {...a11y(props)}
      >
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
