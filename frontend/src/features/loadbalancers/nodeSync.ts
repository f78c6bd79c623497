import type { LoadBalancer } from "./loadBalancers";

/** "2/3 nodes on latest revision", or why there is nothing to count. */
export function describeNodeSync(nodes: LoadBalancer["nodes"]): string {
  if (nodes.length === 0) {
    return "No node has applied it yet";
  }
  const inSync = nodes.filter((node) => node.inSync).length;
  return `${inSync}/${nodes.length} nodes on latest revision`;
}

export function isFullySynced(nodes: LoadBalancer["nodes"]): boolean {
  return nodes.length > 0 && nodes.every((node) => node.inSync);
}
