import { FilterForm, SelectFilter, TextFilter } from "@/components/ui/filter-form";

/** The audit log's filters, in the URL. */
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
  const choices = values.action && !actions.includes(values.action) ? [values.action, ...actions] : actions;
  const field = (name: string) => ({ form: "audit", name, value: values[name], error: errors[name] });
  return (
    <FilterForm action="/audit" label="Filter audit events">
      <TextFilter {...field("actor")} label="Actor (login)" />
      <SelectFilter
        {...field("action")}
        label="Action"
        anyLabel="Any action"
        options={choices.map((a) => ({ value: a, label: a }))}
      />
      <TextFilter {...field("sha")} label="Commit SHA or prefix" mono />
      <TextFilter {...field("from")} label="From (UTC day)" type="date" />
      <TextFilter {...field("to")} label="To (UTC day, included)" type="date" />
    </FilterForm>
  );
}
