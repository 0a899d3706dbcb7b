/** The visual tone of a status, shared by domain view models and components (which render it). */
export type Tone = "success" | "failure" | "running" | "waiting" | "neutral" | "warning";
