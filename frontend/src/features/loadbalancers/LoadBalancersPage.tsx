import { CreateLoadBalancerForm } from "./CreateLoadBalancerForm";
import { LoadBalancerList } from "./LoadBalancerList";

export function LoadBalancersPage() {
  return (
    <section className="stack">
      <h1>Load balancers</h1>
      <CreateLoadBalancerForm />
      <LoadBalancerList />
    </section>
  );
}
