"use client";

import { Line, LineChart, YAxis } from "recharts";
import type { ChartPoint } from "@/lib/health/health-panel-view";

/**
 * A sparkline of failure % (solid) and p95 (dashed). Decorative: the figures and a text summary sit
 * next to it, so it is hidden from assistive technology and takes no focus.
 */
export function ServiceChart({ points }: { points: ChartPoint[] }) {
  return (
    <div aria-hidden className="h-10 w-40">
      <LineChart
        width={160}
        height={40}
        data={points}
        margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
        accessibilityLayer={false}
      >
        <YAxis yAxisId="failure" hide domain={[0, "auto"]} />
        <YAxis yAxisId="p95" hide domain={[0, "auto"]} />
        <Line
          yAxisId="failure"
          dataKey="failurePct"
          stroke="#b91c1c"
          strokeWidth={1.5}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          yAxisId="p95"
          dataKey="p95Ms"
          stroke="#1d4ed8"
          strokeWidth={1}
          strokeDasharray="3 2"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
