import Link from "next/link";
import { HEALTH_WINDOWS, type HealthWindowKey } from "@/lib/health/health-window";

/** Plain links, so the window is in the URL and switching works without JavaScript. */
export function WindowSelector({
  basePath,
  query = {},
  current,
}: {
  basePath: string;
  query?: Record<string, string | undefined>;
  current: HealthWindowKey;
}) {
  const href = (key: HealthWindowKey) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v && k !== "window") params.set(k, v);
    params.set("window", key);
    return `${basePath}?${params.toString()}`;
  };
  return (
    <nav aria-label="Health window" className="flex items-center gap-1 text-sm">
      <span className="mr-1 text-slate-600">Window:</span>
      {HEALTH_WINDOWS.map((w) =>
        w.key === current ? (
          <span
            key={w.key}
            aria-current="page"
            className="rounded border border-slate-700 bg-slate-800 px-2 py-0.5 font-medium text-white"
          >
            {w.label}
          </span>
        ) : (
          <Link
            key={w.key}
            href={href(w.key)}
            className="rounded border border-slate-300 bg-white px-2 py-0.5 text-blue-800 hover:bg-slate-50"
          >
            {w.label}
          </Link>
        ),
      )}
    </nav>
  );
}
