"use client";

import { useFormStatus } from "react-dom";

/** Disabled while its form is being submitted, so a double click sends one request. */
export function SubmitButton({
  label,
  pendingLabel,
  tone,
}: {
  label: string;
  pendingLabel: string;
  tone: "primary" | "danger";
}) {
  const { pending } = useFormStatus();
  const colours =
    tone === "primary"
      ? "bg-green-700 hover:bg-green-800 text-white"
      : "bg-red-700 hover:bg-red-800 text-white";
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded px-4 py-2 text-sm font-medium disabled:cursor-wait disabled:opacity-60 ${colours}`}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
