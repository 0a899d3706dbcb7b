/** How health figures read in tables: a dash when there is nothing to show, never a misleading 0. */
export const NO_FIGURE = "—";

export function formatRequestRate(requests: number | null, windowMinutes: number): string {
  if (requests === null || windowMinutes <= 0) return NO_FIGURE;
  const perMinute = requests / windowMinutes;
  const text = perMinute >= 10 ? String(Math.round(perMinute)) : String(Math.round(perMinute * 10) / 10);
  return `${text}/min`;
}

export function formatPercent(value: number | null): string {
  if (value === null) return NO_FIGURE;
  // Two decimals below 1 % so a small but real failure rate does not print as "0.0%".
  return `${value < 1 && value > 0 ? value.toFixed(2) : value.toFixed(1)}%`;
}

export function formatMs(value: number | null): string {
  return value === null ? NO_FIGURE : `${Math.round(value)} ms`;
}

export function formatCount(value: number | null): string {
  return value === null ? NO_FIGURE : Math.round(value).toLocaleString("en");
}
