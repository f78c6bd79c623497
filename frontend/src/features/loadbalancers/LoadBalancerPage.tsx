import { Link, useParams } from "react-router";
import { LoadBalancerDetail } from "./LoadBalancerDetail";

export function LoadBalancerPage() {
  const { loadBalancerId = "" } = useParams();
  return (
    <section className="stack">
      <Link to="/">← Load balancers</Link>
      <LoadBalancerDetail loadBalancerId={loadBalancerId} />
    </section>
  );
}
