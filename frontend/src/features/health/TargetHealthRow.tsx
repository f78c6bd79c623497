import { useId, useState } from "react";
import { HealthStateBadge } from "./HealthStateBadge";
import { NodeHealthList } from "./NodeHealthList";
import type { TargetHealth } from "./targetHealth";

const COLUMNS = 5;

/** One target with its aggregated state; the per-node view opens below it. */
export function TargetHealthRow({ target, weight }: { target: TargetHealth; weight: number | undefined }) {
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const address = `${target.host}:${target.port}`;
  return (
    <>
      <tr>
        <td>
          <code>{address}</code>
          {!target.registered && <span className="tag">deregistered</span>}
        </td>
        <td>{weight ?? "—"}</td>
        <td>
          <HealthStateBadge state={target.state} />
        </td>
        <td>{target.reason ?? "—"}</td>
        <td>
          <button
            type="button"
            className="secondary"
            aria-expanded={expanded}
            aria-controls={detailsId}
            onClick={() => setExpanded(!expanded)}
          >
            {target.nodes.length} {target.nodes.length === 1 ? "node" : "nodes"}{" "}
            <span className="visually-hidden">of {address}</span>
          </button>
        </td>
      </tr>
      {expanded && (
        <tr id={detailsId}>
          <td colSpan={COLUMNS}>
            <NodeHealthList nodes={target.nodes} />
          </td>
        </tr>
      )}
    </>
  );
}
