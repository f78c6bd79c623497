import { describeAction } from "./actionSummary";
import type { ConfiguredListener } from "./loadBalancers";

export function ListenerTable({
  listeners,
  groupNames,
}: {
  listeners: ConfiguredListener[];
  groupNames: ReadonlyMap<string, string>;
}) {
  if (listeners.length === 0) {
    return <p className="muted">No listeners: the load balancer accepts no traffic yet.</p>;
  }
  return (
    <table aria-label="Listeners">
      <thead>
        <tr>
          <th scope="col">Protocol</th>
          <th scope="col">Port</th>
          <th scope="col">Default action</th>
          <th scope="col">Rules</th>
        </tr>
      </thead>
      <tbody>
        {listeners.map((listener) => (
          <tr key={listener.id}>
            <td>{listener.protocol}</td>
            <td>{listener.port}</td>
            <td>{describeAction(listener.defaultAction, groupNames)}</td>
            <td>{listener.rules.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
