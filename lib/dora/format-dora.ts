const MIN_MS = 60_000;
const HOUR_MS = 60 * MIN_MS;
const DAY_MS = 24 * HOUR_MS;

/** A lead or recovery time for people: minutes, hours and minutes, or days past two days. */
export function formatSpan(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < MIN_MS) return "under 1 min";
  if (ms < HOUR_MS) return `${Math.round(ms / MIN_MS)} min`;
  if (ms < 2 * DAY_MS) {
    const minutes = Math.round(ms / MIN_MS);
    return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
  }
  return `${(ms / DAY_MS).toFixed(1)} days`;
}

/** Deploys per week, with per day when there is more than one a day. */
export function formatFrequency(perDay: number): string {
  const perWeek = perDay * 7;
  if (perDay >= 1) return `${perDay.toFixed(1)} per day`;
  return `${perWeek.toFixed(perWeek >= 10 ? 0 : 1)} per week`;
}

export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(rate === 0 || rate === 1 ? 0 : 1)} %`;
}
