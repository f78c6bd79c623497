import { ProblemAlert } from "../../components/ProblemAlert";
import { LoadBalancerTable } from "./LoadBalancerTable";
import { useLoadBalancers } from "./loadBalancers";

export function LoadBalancerList() {
  const loadBalancers = useLoadBalancers();
  if (loadBalancers.isPending) {
    return <p className="muted">Loading load balancers…</p>;
  }
  if (loadBalancers.isError) {
    return <ProblemAlert error={loadBalancers.error} />;
  }
  return <LoadBalancerTable loadBalancers={loadBalancers.data} />;
}
