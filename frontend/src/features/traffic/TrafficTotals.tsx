import type { MetricsTotals } from "./metrics";
import { formatBytes, formatCount, formatLatency, formatShare } from "./trafficFormat";

/** The window's sums: requests by status class, error rate, latency percentiles, bytes, concurrency. */
export function TrafficTotals({ totals }: { totals: MetricsTotals }) {
  const facts: [string, string][] = [
    ["Requests", formatCount(totals.requests)],
    ["2xx", formatCount(totals.responses2xx)],
    ["3xx", formatCount(totals.responses3xx)],
    ["4xx", formatCount(totals.responses4xx)],
    ["5xx", formatCount(totals.responses5xx)],
    ["Error rate (5xx)", formatShare(totals.responses5xx, totals.requests)],
    ["p50", formatLatency(totals.latencyMillis?.p50)],
    ["p90", formatLatency(totals.latencyMillis?.p90)],
    ["p99", formatLatency(totals.latencyMillis?.p99)],
    ["Received", formatBytes(totals.bytesReceived)],
    ["Sent", formatBytes(totals.bytesSent)],
    ["Peak in flight", formatCount(totals.peakInFlight)],
  ];
  return (
    <dl className="facts totals" aria-label="Traffic totals">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
