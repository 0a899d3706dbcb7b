import type { Tone } from "@/lib/ui-tone";
import type { ReadinessCheck } from "./check";

/** A check's status as words and a tone; the words carry the meaning, the colour repeats it. */
export function checkStatusView(check: Pick<ReadinessCheck, "status" | "level">): {
  label: string;
  tone: Tone;
} {
  switch (check.status) {
    case "pass":
      return { label: "Pass", tone: "success" };
    case "fail":
      return check.level === "advisory"
        ? { label: "Warning", tone: "warning" }
        : { label: "Fail", tone: "failure" };
    case "unknown":
      return { label: "Unknown", tone: "waiting" };
  }
}
