import type { Target } from "../loadbalancers/loadBalancers";
import { TargetHealthRow } from "./TargetHealthRow";
import type { TargetHealth } from "./targetHealth";

/**
 * The targets of a group with their health; `targets` (the configuration)
 * gives their weights, which the health report does not carry.
 */
export function TargetHealthTable({ health, targets }: { health: TargetHealth[]; targets: Target[] }) {
  if (health.length === 0) {
    return <p className="muted">No targets registered.</p>;
  }
  const weights = new Map(targets.map((target) => [target.id, target.weight]));
  return (
    <table aria-label="Targets">
      <thead>
        <tr>
          <th scope="col">Target</th>
          <th scope="col">Weight</th>
          <th scope="col">Health</th>
          <th scope="col">Reason</th>
          <th scope="col">Nodes</th>
        </tr>
      </thead>
      <tbody>
        {health.map((target) => (
          <TargetHealthRow key={target.targetId} target={target} weight={weights.get(target.targetId)} />
        ))}
      </tbody>
    </table>
  );
}
