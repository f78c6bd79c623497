import { LiveDataAlert } from "../../components/LiveDataAlert";
import type { Target } from "../loadbalancers/loadBalancers";
import { PanicNotice } from "./PanicNotice";
import { TargetHealthTable } from "./TargetHealthTable";
import { useTargetHealth } from "./targetHealth";

/** The live health of a target group's targets, refreshed while the page is open. */
export function TargetHealthList({
  loadBalancerId,
  targetGroupId,
  targets,
}: {
  loadBalancerId: string;
  targetGroupId: string;
  targets: Target[];
}) {
  const health = useTargetHealth(loadBalancerId, targetGroupId);
  if (health.isPending) {
    return <p className="muted">Loading target health…</p>;
  }
  return (
    <>
      {/* A failed refresh keeps the last answer on screen, under the reason it is not current. */}
      <LiveDataAlert error={health.error} subject="Target health" />
      {health.data !== undefined && <PanicNotice nodes={health.data.panicNodes} />}
      {health.data !== undefined && <TargetHealthTable health={health.data.items} targets={targets} />}
    </>
  );
}
