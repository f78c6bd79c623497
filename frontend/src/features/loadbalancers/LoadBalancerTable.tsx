import { Link } from "react-router";
import type { LoadBalancer } from "./loadBalancers";
import { describeNodeSync, isFullySynced } from "./nodeSync";

export function LoadBalancerTable({ loadBalancers }: { loadBalancers: LoadBalancer[] }) {
  if (loadBalancers.length === 0) {
    return <p className="muted">No load balancers yet. Create the first one above.</p>;
  }
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">DNS name</th>
          <th scope="col">Revision</th>
          <th scope="col">Nodes</th>
        </tr>
      </thead>
      <tbody>
        {loadBalancers.map((loadBalancer) => (
          <tr key={loadBalancer.id}>
            <td>
              <Link to={`/load-balancers/${loadBalancer.id}`}>{loadBalancer.name}</Link>
            </td>
            <td>
              <code>{loadBalancer.dnsName}</code>
            </td>
            <td>{loadBalancer.revision}</td>
            <td className={isFullySynced(loadBalancer.nodes) ? "in-sync" : "converging"}>
              {describeNodeSync(loadBalancer.nodes)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
