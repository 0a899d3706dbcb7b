import { FilterForm, SelectFilter, TextFilter } from "@/components/ui/filter-form";

export interface FilterFormProps {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  workflows: readonly string[];
  statuses: readonly string[];
}

/** The runs list's filters, in the URL. */
export function RunFiltersForm({ values, errors, workflows, statuses }: FilterFormProps) {
  const field = (name: string) => ({ form: "runs", name, value: values[name], error: errors[name] });
  return (
    <FilterForm action="/runs" label="Filter runs">
      <SelectFilter
        {...field("workflow")}
        label="Workflow"
        anyLabel="All workflows"
        options={workflows.map((w) => ({ value: w, label: w }))}
      />
      <TextFilter {...field("branch")} label="Branch" />
      <SelectFilter
        {...field("status")}
        label="Status"
        anyLabel="Any status"
        options={statuses.map((s) => ({ value: s, label: s.replace("_", " ") }))}
      />
      <TextFilter {...field("actor")} label="Actor" />
      <TextFilter {...field("sha")} label="Commit SHA" mono />
    </FilterForm>
  );
}
