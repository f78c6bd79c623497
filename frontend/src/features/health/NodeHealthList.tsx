import { DateTime } from "../../components/DateTime";
import { HealthProbeTable } from "./HealthProbeTable";
import { HealthStateBadge } from "./HealthStateBadge";
import type { NodeTargetHealth } from "./targetHealth";

/** What each gateway node sees of one target: its state there, since when, ejection and last probes. */
export function NodeHealthList({ nodes }: { nodes: NodeTargetHealth[] }) {
  if (nodes.length === 0) {
    return <p className="muted">No node has reported this target yet.</p>;
  }
  return (
    <ul className="node-health">
      {nodes.map((node) => (
        <li key={node.nodeId} aria-label={`Node ${node.nodeId}`}>
          <p>
            <code>{node.nodeId}</code> <HealthStateBadge state={node.state} />
            {node.reason !== undefined && <> {node.reason}</>}
          </p>
          <p className="muted">
            Since <DateTime value={node.since} precision="seconds" />
            {node.ejectedUntil !== undefined && (
              <>
                {" · "}
                <strong className="failing">
                  Ejected until <DateTime value={node.ejectedUntil} precision="seconds" />
                </strong>
              </>
            )}
            {" · "}reported <DateTime value={node.reportedAt} precision="seconds" />
          </p>
          <HealthProbeTable nodeId={node.nodeId} probes={node.lastProbes} />
        </li>
      ))}
    </ul>
  );
}
