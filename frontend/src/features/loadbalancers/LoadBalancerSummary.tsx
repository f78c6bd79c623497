import type { LoadBalancer } from "./loadBalancers";

/** The load balancer's name, the names it answers on, its tags and revision. */
export function LoadBalancerSummary({ loadBalancer }: { loadBalancer: LoadBalancer }) {
  const hostNames = loadBalancer.hostNames ?? [];
  const tags = loadBalancer.tags ?? [];
  return (
    <header className="stack">
      <h1>{loadBalancer.name}</h1>
      <dl className="facts">
        <div>
          <dt>DNS name</dt>
          <dd>
            <code>{loadBalancer.dnsName}</code>
          </dd>
        </div>
        <div>
          <dt>Host names</dt>
          <dd>{hostNames.length === 0 ? "None" : hostNames.map((hostName) => <code key={hostName}>{hostName}</code>)}</dd>
        </div>
        <div>
          <dt>Tags</dt>
          <dd>
            {tags.length === 0
              ? "None"
              : tags.map((tag) => (
                  <span key={tag.key} className="tag">
                    {tag.key}={tag.value}
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>Revision</dt>
          <dd>{loadBalancer.revision}</dd>
        </div>
      </dl>
    </header>
  );
}
