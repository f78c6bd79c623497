import { LiveDataAlert } from "../../components/LiveDataAlert";
import { hasNoTraffic, useMetrics, type MetricsWindow, type TrafficScope } from "./metrics";
import { TrafficCharts } from "./TrafficCharts";
import { TrafficTotals } from "./TrafficTotals";

/** The traffic of one window and scope, refreshed while the page is open. */
export function TrafficView({
  loadBalancerId,
  metricsWindow,
  scope,
}: {
  loadBalancerId: string;
  metricsWindow: MetricsWindow;
  scope: TrafficScope;
}) {
  const metrics = useMetrics(loadBalancerId, metricsWindow, scope);
  if (metrics.isPending) {
    return <p className="muted">Loading traffic…</p>;
  }
  return (
    <>
      {/* A failed refresh keeps the last answer on screen, under the reason it is not current. */}
      <LiveDataAlert error={metrics.error} subject="Traffic" />
      {metrics.data !== undefined &&
        (hasNoTraffic(metrics.data.totals) ? (
          <p className="muted">No traffic in this window.</p>
        ) : (
          <>
            <TrafficTotals totals={metrics.data.totals} />
            <TrafficCharts points={metrics.data.points} stepSeconds={metrics.data.stepSeconds} />
          </>
        ))}
    </>
  );
}
