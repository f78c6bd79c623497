import { useQuery } from "@tanstack/react-query";
import { api, dataOf } from "../../api/client";
import type { components } from "../../api/generated/schema";

export type Metrics = components["schemas"]["Metrics"];
export type MetricsPoint = components["schemas"]["MetricsPoint"];
export type MetricsTotals = components["schemas"]["MetricsTotals"];
export type MetricsWindow = Metrics["window"];

export const METRICS_WINDOWS: { value: MetricsWindow; label: string }[] = [
  { value: "5m", label: "5 min" },
  { value: "15m", label: "15 min" },
  { value: "1h", label: "1 hour" },
  { value: "6h", label: "6 hours" },
  { value: "24h", label: "24 hours" },
];

/** Whose traffic: the whole load balancer, one target group, or one target of a group. */
export interface TrafficScope {
  targetGroupId?: string;
  targetId?: string;
}

// The shortest window has 10-second points; polling faster would only redraw
// the point that is still filling. Paused while the browser tab is hidden.
const TRAFFIC_POLL_MS = 10_000;

export function useMetrics(loadBalancerId: string, metricsWindow: MetricsWindow, scope: TrafficScope) {
  return useQuery({
    queryKey: ["load-balancers", loadBalancerId, "metrics", metricsWindow, scope],
    queryFn: () =>
      dataOf(
        api.GET("/load-balancers/{loadBalancerId}/metrics", {
          params: { path: { loadBalancerId }, query: { window: metricsWindow, ...scope } },
        }),
      ),
    refetchInterval: TRAFFIC_POLL_MS,
  });
}

/** Nothing was answered and nothing was in progress: the window is quiet, not broken. */
export function hasNoTraffic(totals: MetricsTotals): boolean {
  return totals.requests === 0 && totals.peakInFlight === 0;
}
