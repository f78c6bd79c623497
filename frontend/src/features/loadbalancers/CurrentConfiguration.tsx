import { ProblemAlert } from "../../components/ProblemAlert";
import { TrafficPanel } from "../traffic/TrafficPanel";
import { ListenerTable } from "./ListenerTable";
import { TargetGroupSection } from "./TargetGroupSection";
import { useConfigurationAt } from "./loadBalancers";

/** Traffic, listeners and target groups of the load balancer at its current revision. */
export function CurrentConfiguration({ loadBalancerId, revision }: { loadBalancerId: string; revision: number }) {
  const configuration = useConfigurationAt(loadBalancerId, revision);
  if (configuration.isPending) {
    return <p className="muted">Loading listeners and target groups…</p>;
  }
  if (configuration.isError) {
    return <ProblemAlert error={configuration.error} />;
  }
  const { listeners, targetGroups } = configuration.data;
  const groupNames = new Map(targetGroups.map((group) => [group.id, group.name]));
  return (
    <>
      <TrafficPanel loadBalancerId={loadBalancerId} targetGroups={targetGroups} />
      <section className="stack" aria-labelledby="listeners-heading">
        <h2 id="listeners-heading">Listeners</h2>
        <ListenerTable listeners={listeners} groupNames={groupNames} />
      </section>
      <section className="stack" aria-labelledby="target-groups-heading">
        <h2 id="target-groups-heading">Target groups</h2>
        {targetGroups.length === 0 && <p className="muted">No target groups yet.</p>}
        {targetGroups.map((group) => (
          <TargetGroupSection key={group.id} loadBalancerId={loadBalancerId} group={group} />
        ))}
      </section>
    </>
  );
}
