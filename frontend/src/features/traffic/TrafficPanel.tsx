import { useState } from "react";
import type { ConfiguredTargetGroup } from "../loadbalancers/loadBalancers";
import type { MetricsWindow, TrafficScope } from "./metrics";
import { TrafficScopeSelect } from "./TrafficScopeSelect";
import { TrafficView } from "./TrafficView";
import { WindowSelector } from "./WindowSelector";

/** Traffic of a load balancer, or of one of its target groups or targets, over a chosen window. */
export function TrafficPanel({
  loadBalancerId,
  targetGroups,
}: {
  loadBalancerId: string;
  targetGroups: ConfiguredTargetGroup[];
}) {
  const [metricsWindow, setMetricsWindow] = useState<MetricsWindow>("15m");
  const [scope, setScope] = useState<TrafficScope>({});
  return (
    <section className="stack" aria-labelledby="traffic-heading">
      <h2 id="traffic-heading">Traffic</h2>
      <div className="toolbar">
        <WindowSelector value={metricsWindow} onChange={setMetricsWindow} />
        {targetGroups.length > 0 && <TrafficScopeSelect targetGroups={targetGroups} value={scope} onChange={setScope} />}
      </div>
      <TrafficView loadBalancerId={loadBalancerId} metricsWindow={metricsWindow} scope={scope} />
    </section>
  );
}
