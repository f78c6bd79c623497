import type { Convergence } from "./loadBalancers";

/** "2/3 nodes on revision 7 · slowest 1.2 s", or that no node has applied the load balancer yet. */
export function describeConvergence(convergence: Convergence): string {
  if (convergence.nodes === 0) {
    return "No node has applied it yet";
  }
  const count = `${convergence.nodesOnRevision}/${convergence.nodes} nodes on revision ${convergence.revision}`;
  return convergence.slowestMillis === undefined ? count : `${count} · slowest ${formatConvergenceTime(convergence.slowestMillis)}`;
}

/** Milliseconds under a second, seconds with one decimal above: "240 ms", "1.2 s". */
export function formatConvergenceTime(millis: number): string {
  return millis < 1_000 ? `${millis} ms` : `${(millis / 1_000).toFixed(1)} s`;
}
