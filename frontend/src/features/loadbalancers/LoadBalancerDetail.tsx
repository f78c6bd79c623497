import { ProblemAlert } from "../../components/ProblemAlert";
import { ConvergencePanel } from "./ConvergencePanel";
import { CurrentConfiguration } from "./CurrentConfiguration";
import { LoadBalancerSummary } from "./LoadBalancerSummary";
import { useLoadBalancer } from "./loadBalancers";

export function LoadBalancerDetail({ loadBalancerId }: { loadBalancerId: string }) {
  const loadBalancer = useLoadBalancer(loadBalancerId);
  if (loadBalancer.isPending) {
    return <p className="muted">Loading load balancer…</p>;
  }
  return (
    <>
      {/* A failed refresh keeps the last answer on screen, under the reason it is not current. */}
      <ProblemAlert error={loadBalancer.error} />
      {loadBalancer.data !== undefined && (
        <>
          <LoadBalancerSummary loadBalancer={loadBalancer.data} />
          <ConvergencePanel loadBalancer={loadBalancer.data} />
          <CurrentConfiguration loadBalancerId={loadBalancerId} revision={loadBalancer.data.revision} />
        </>
      )}
    </>
  );
}
