import { DateTime } from "../../components/DateTime";
import type { HealthProbe } from "./targetHealth";

/** A node's latest health checks of one target, newest first. */
export function HealthProbeTable({ nodeId, probes }: { nodeId: string; probes: HealthProbe[] }) {
  if (probes.length === 0) {
    return <p className="muted">No probes yet.</p>;
  }
  return (
    <table aria-label={`Last probes from ${nodeId}`} className="compact">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Latency</th>
          <th scope="col">Result</th>
          <th scope="col">Reason</th>
          <th scope="col">Status code</th>
        </tr>
      </thead>
      <tbody>
        {/* The API lists them oldest first; the latest matters most. */}
        {[...probes].reverse().map((probe) => (
          <tr key={probe.at}>
            <td>
              <DateTime value={probe.at} precision="seconds" />
            </td>
            <td>{probe.latencyMillis} ms</td>
            <td className={probe.success ? "passing" : "failing"}>{probe.success ? "success" : "failure"}</td>
            <td>{probe.reason ?? "—"}</td>
            <td>{probe.statusCode ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
