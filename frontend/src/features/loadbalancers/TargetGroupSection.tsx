import { TargetHealthList } from "../health/TargetHealthList";
import type { ConfiguredTargetGroup } from "./loadBalancers";
import { describeAlgorithm, describeHealthCheck } from "./targetGroupSummary";

/** A target group's settings in brief, and its targets with their live health. */
export function TargetGroupSection({ loadBalancerId, group }: { loadBalancerId: string; group: ConfiguredTargetGroup }) {
  const headingId = `target-group-${group.id}`;
  return (
    <section className="stack card" aria-labelledby={headingId}>
      <h3 id={headingId}>{group.name}</h3>
      <dl className="facts">
        <div>
          <dt>Protocol</dt>
          <dd>
            {group.protocol}
            {group.port !== undefined && `:${group.port}`}
          </dd>
        </div>
        <div>
          <dt>Algorithm</dt>
          <dd>{describeAlgorithm(group)}</dd>
        </div>
        <div>
          <dt>Health check</dt>
          <dd>{describeHealthCheck(group)}</dd>
        </div>
      </dl>
      <TargetHealthList loadBalancerId={loadBalancerId} targetGroupId={group.id} targets={group.targets} />
    </section>
  );
}
