import type { MetricsPoint } from "./metrics";
import { Sparkline } from "./Sparkline";
import { formatCount, formatLatency } from "./trafficFormat";

/** Requests and p99 latency over the window, one value per point. */
export function TrafficCharts({ points, stepSeconds }: { points: MetricsPoint[]; stepSeconds: number }) {
  return (
    <div className="charts">
      <Sparkline
        label={`Requests per ${describeStep(stepSeconds)}`}
        values={points.map((point) => point.requests)}
        format={formatCount}
      />
      <Sparkline
        label="p99 latency"
        // A point without answers has no latency: a gap, not zero.
        values={points.map((point) => point.latencyMillis?.p99 ?? null)}
        format={formatLatency}
      />
    </div>
  );
}

function describeStep(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
