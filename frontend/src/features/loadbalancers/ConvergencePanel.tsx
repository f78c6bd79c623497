import { DateTime } from "../../components/DateTime";
import { describeConvergence, formatConvergenceTime } from "./convergence";
import type { LoadBalancer } from "./loadBalancers";
import { describeNodeSync, isFullySynced } from "./nodeSync";

/** Which nodes serve the current revision, and how long each took to apply the one it serves. */
export function ConvergencePanel({ loadBalancer }: { loadBalancer: LoadBalancer }) {
  return (
    <section className="stack" aria-labelledby="convergence-heading">
      <h2 id="convergence-heading">Convergence</h2>
      <p className={isFullySynced(loadBalancer.nodes) ? "in-sync" : "converging"}>
        {loadBalancer.convergence === undefined
          ? describeNodeSync(loadBalancer.nodes)
          : describeConvergence(loadBalancer.convergence)}
      </p>
      {loadBalancer.nodes.length > 0 && (
        <table aria-label="Nodes">
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Applied revision</th>
              <th scope="col">Status</th>
              <th scope="col">Convergence</th>
              <th scope="col">Applied at</th>
            </tr>
          </thead>
          <tbody>
            {loadBalancer.nodes.map((node) => (
              <tr key={node.nodeId}>
                <td>
                  <code>{node.nodeId}</code>
                </td>
                <td>{node.appliedRevision}</td>
                <td>
                  <span className={node.inSync ? "badge ok" : "badge warn"}>
                    {node.inSync ? "in sync" : "behind"}
                  </span>
                </td>
                <td>{node.convergenceMillis === undefined ? "—" : formatConvergenceTime(node.convergenceMillis)}</td>
                <td>
                  <DateTime value={node.appliedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
