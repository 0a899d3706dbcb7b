import type { FormActionState } from "@/lib/releases/decision-result";

export function FormMessage({ state }: { state: FormActionState }) {
  if (!state) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`mt-2 rounded border px-3 py-2 text-sm ${
        state.ok ? "border-green-300 bg-green-50 text-green-950" : "border-red-300 bg-red-50 text-red-950"
      }`}
    >
      {state.message}
    </p>
  );
}
