/** The windows a person can pick for a health panel; kept in the URL as `?window=`. */
export const HEALTH_WINDOWS = [
  { key: "15m", minutes: 15, label: "15 min" },
  { key: "1h", minutes: 60, label: "1 h" },
  { key: "24h", minutes: 1440, label: "24 h" },
] as const;

export type HealthWindowKey = (typeof HEALTH_WINDOWS)[number]["key"];
export type HealthWindowOption = (typeof HEALTH_WINDOWS)[number];

export const DEFAULT_HEALTH_WINDOW: HealthWindowOption = HEALTH_WINDOWS[1];

/** Anything else in the URL (a typo, a repeated parameter) falls back to the default window. */
export function parseHealthWindow(value: string | string[] | undefined): HealthWindowOption {
  const key = Array.isArray(value) ? value[0] : value;
  return HEALTH_WINDOWS.find((w) => w.key === key) ?? DEFAULT_HEALTH_WINDOW;
}

/** "15 min", "1 h", "24 h", or a plain count of minutes for any other length. */
export function windowLabel(minutes: number): string {
  const known = HEALTH_WINDOWS.find((w) => w.minutes === minutes);
  if (known) return known.label;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}
