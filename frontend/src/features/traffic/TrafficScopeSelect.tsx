import type { ConfiguredTargetGroup } from "../loadbalancers/loadBalancers";
import type { TrafficScope } from "./metrics";

// A scope as one option value: "" (everything), "<group id>" or "<group id>/<target id>".
function toValue(scope: TrafficScope): string {
  return [scope.targetGroupId, scope.targetId].filter((id) => id !== undefined).join("/");
}

function toScope(value: string): TrafficScope {
  const [targetGroupId, targetId] = value.split("/");
  return { ...(targetGroupId && { targetGroupId }), ...(targetId && { targetId }) };
}

/** Whose traffic to show: the load balancer's, a target group's or one target's. */
export function TrafficScopeSelect({
  targetGroups,
  value,
  onChange,
}: {
  targetGroups: ConfiguredTargetGroup[];
  value: TrafficScope;
  onChange: (scope: TrafficScope) => void;
}) {
  return (
    <label>
      Traffic of
      <select value={toValue(value)} onChange={(event) => onChange(toScope(event.target.value))}>
        <option value="">The whole load balancer</option>
        {targetGroups.map((group) => (
          <optgroup key={group.id} label={`Target group ${group.name}`}>
            <option value={group.id}>All of {group.name}</option>
            {group.targets.map((target) => (
              <option key={target.id} value={`${group.id}/${target.id}`}>
                {target.host}:{target.port}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
