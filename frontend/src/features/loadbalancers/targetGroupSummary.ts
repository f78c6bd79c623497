import type { ConfiguredTargetGroup } from "./loadBalancers";

const ALGORITHM_NAMES: Record<ConfiguredTargetGroup["algorithm"], string> = {
  ROUND_ROBIN: "Round robin",
  WEIGHTED_ROUND_ROBIN: "Weighted round robin",
  LEAST_CONNECTIONS: "Least connections",
  LEAST_RESPONSE_TIME: "Least response time",
  CONSISTENT_HASH: "Consistent hash",
  RANDOM: "Random",
};

/** "Round robin", or for consistent hashing what it hashes: "Consistent hash by header X-User". */
export function describeAlgorithm(group: ConfiguredTargetGroup): string {
  const name = ALGORITHM_NAMES[group.algorithm];
  if (group.algorithm !== "CONSISTENT_HASH") {
    return name;
  }
  const key = group.hashKey ?? { type: "SOURCE_IP" };
  return key.type === "SOURCE_IP" ? `${name} by source IP` : `${name} by ${key.type.toLowerCase()} ${key.name ?? ""}`.trimEnd();
}

/** "HTTP /health every 30 s, healthy after 5, unhealthy after 2", or a TCP connect. */
export function describeHealthCheck({ healthCheck: check }: ConfiguredTargetGroup): string {
  const probe = check.protocol === "TCP" ? "TCP connect" : `${check.protocol} ${check.path}`;
  return `${probe} every ${check.intervalSeconds} s, healthy after ${check.healthyThreshold}, unhealthy after ${check.unhealthyThreshold}`;
}
