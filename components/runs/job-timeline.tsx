import type { JobView } from "@/lib/runs/get-run-detail";
import { formatDuration } from "@/lib/runs/run-status";
import { StatusBadge } from "@/components/ui/status-badge";

const BAR: Record<string, string> = {
  success: "bg-green-500",
  failure: "bg-red-500",
  running: "bg-blue-500",
  waiting: "bg-slate-300",
  neutral: "bg-slate-400",
  warning: "bg-amber-500",
};

/** Jobs as bars on a shared time axis, each with its steps and durations (text carries the facts). */
export function JobTimeline({ jobs, totalSeconds }: { jobs: JobView[]; totalSeconds: number | null }) {
  const total = Math.max(
    1,
    totalSeconds ?? 0,
    ...jobs.map((j) => (j.startOffsetSeconds ?? 0) + (j.durationSeconds ?? 0)),
  );
  return (
    <ol className="space-y-3" aria-label="Jobs timeline">
      {jobs.map((job) => {
        const left = ((job.startOffsetSeconds ?? 0) / total) * 100;
        const width = Math.max(1, ((job.durationSeconds ?? 0) / total) * 100);
        return (
          <li key={job.id} className="rounded border border-slate-200 bg-white p-3" data-testid="job">
            <details>
              <summary className="flex cursor-pointer flex-wrap items-center gap-3">
                <span className="font-medium">{job.name}</span>
                <StatusBadge tone={job.status.tone}>{job.status.label}</StatusBadge>
                <span className="text-sm text-slate-600">
                  {formatDuration(job.durationSeconds)}
                  {job.startOffsetSeconds !== null
                    ? `, started at +${formatDuration(job.startOffsetSeconds)}`
                    : ""}
                </span>
              </summary>
              <ol className="mt-2 space-y-1 pl-4 text-sm" aria-label={`Steps of ${job.name}`}>
                {job.steps.map((step) => (
                  <li key={step.number} className="flex flex-wrap items-center gap-2">
                    <span className="w-6 text-right text-slate-500">{step.number}.</span>
                    <span>{step.name}</span>
                    <StatusBadge tone={step.status.tone}>{step.status.label}</StatusBadge>
                    <span className="text-slate-600">{formatDuration(step.durationSeconds)}</span>
                  </li>
                ))}
              </ol>
              {job.htmlUrl ? (
                <a href={job.htmlUrl} className="mt-2 inline-block text-sm text-blue-800 underline">
                  Job log on GitHub
                </a>
              ) : null}
            </details>
            <div className="relative mt-2 h-2 rounded bg-slate-100" aria-hidden>
              <div
                className={`absolute h-2 rounded ${BAR[job.status.tone]}`}
                style={{ left: `${left}%`, width: `${width}%` }}
              />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
