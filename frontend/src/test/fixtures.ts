import type { Session } from "../features/auth/session";
import type { NodeTargetHealth, TargetHealth, TargetHealthState } from "../features/health/targetHealth";
import type {
  ConfiguredListener,
  ConfiguredTargetGroup,
  LoadBalancer,
} from "../features/loadbalancers/loadBalancers";
import type { Metrics } from "../features/traffic/metrics";
import type { ApiToken } from "../features/tokens/tokens";
import type { Invitation, Role, User } from "../features/users/users";

export const adaSession: Session = {
  user: { id: "5d1c2c0e-8f7a-4a55-9f0e-2b7d1f6c1a01", email: "ada@acme.test", displayName: "Ada", role: "ADMIN" },
  tenant: { id: "a3c1f9d2-6b4e-4f1a-8c2d-9e7b5a3f1c02", slug: "acme", name: "Acme Ltd" },
};

export function loadBalancer(name: string, revision: number, nodesInSync: boolean[]): LoadBalancer {
  return {
    id: `00000000-0000-4000-8000-${name.padStart(12, "0").slice(-12)}`,
    name,
    dnsName: `${name}.acme.lb.localhost`,
    revision,
    createdAt: "2026-11-27T10:00:00Z",
    nodes: nodesInSync.map((inSync, index) => ({
      nodeId: `node-${index + 1}`,
      appliedRevision: inSync ? revision : revision - 1,
      appliedAt: "2026-11-27T10:00:01Z",
      inSync,
    })),
    convergence: {
      revision,
      nodesOnRevision: nodesInSync.filter((inSync) => inSync).length,
      nodes: nodesInSync.length,
    },
  };
}

/** A user of Acme named after the local part of the e-mail, e.g. "Bob" for bob@acme.test. */
export function user(localPart: string, role: Role): User {
  return {
    id: `00000000-0000-4000-9000-${localPart.padStart(12, "0").slice(-12)}`,
    email: `${localPart}@acme.test`,
    displayName: localPart.charAt(0).toUpperCase() + localPart.slice(1),
    role,
  };
}

export function invitation(email: string, role: Role): Invitation {
  return {
    id: `00000000-0000-4000-a000-${email.replace(/\W/g, "").padStart(12, "0").slice(-12)}`,
    email,
    role,
    invitedBy: "ada@acme.test",
    createdAt: "2026-11-27T10:00:00Z",
    expiresAt: "2026-12-04T10:00:00Z",
  };
}

export function apiToken(name: string, scopes: ApiToken["scopes"], lastUsedAt: string | null = null): ApiToken {
  return {
    id: `00000000-0000-4000-b000-${name.replace(/\W/g, "").padStart(12, "0").slice(-12)}`,
    name,
    prefix: `sbx_${name.slice(0, 4)}`,
    scopes,
    createdAt: "2026-11-27T10:00:00Z",
    expiresAt: "2027-02-25T10:00:00Z",
    lastUsedAt,
  };
}

/** A target group of `targets` ("host:port" each, weight 1) with the API's default settings. */
export function targetGroup(name: string, targets: string[], settings: Partial<ConfiguredTargetGroup> = {}): ConfiguredTargetGroup {
  return {
    id: idOf("c000", name),
    name,
    protocol: "HTTP",
    port: 80,
    algorithm: "ROUND_ROBIN",
    healthCheck: {
      protocol: "HTTP",
      path: "/",
      intervalSeconds: 30,
      timeoutSeconds: 5,
      healthyThreshold: 5,
      unhealthyThreshold: 2,
      matcher: "200",
    },
    targets: targets.map((address) => {
      const [host = "", port = "80"] = address.split(":");
      return { id: targetId(address), host, port: Number(port), weight: 1 };
    }),
    ...settings,
  };
}

/** The id targetGroup() gives the target at "host:port". */
export function targetId(address: string): string {
  return idOf("d000", address);
}

/** The answer of GET …/revisions/{revision}: listeners and target groups as they were then. */
export function revisionDetail(
  lb: LoadBalancer,
  listeners: ConfiguredListener[],
  targetGroups: ConfiguredTargetGroup[],
) {
  return {
    revision: lb.revision,
    actor: "ada@acme.test",
    summary: "Changed listeners",
    createdAt: "2026-11-27T10:00:00Z",
    configuration: { name: lb.name, hostNames: [lb.dnsName], tags: [], listeners, targetGroups },
  };
}

/** What one node reports of a target: its state with the given last probes. */
export function nodeHealth(
  nodeId: string,
  state: TargetHealthState,
  more: Partial<NodeTargetHealth> = {},
): NodeTargetHealth {
  return {
    nodeId,
    state,
    since: "2026-11-27T10:00:00Z",
    reportedAt: "2026-11-27T10:05:00Z",
    lastProbes: [],
    ...more,
  };
}

/** The health of the target at "host:port", over the nodes that report it. */
export function targetHealth(
  address: string,
  state: TargetHealthState,
  nodes: NodeTargetHealth[],
  more: Partial<TargetHealth> = {},
): TargetHealth {
  const [host = "", port = "80"] = address.split(":");
  return { targetId: targetId(address), host, port: Number(port), registered: true, state, nodes, ...more };
}

/**
 * Traffic of a window with one point per entry of `requests`, 10 s apart,
 * each request answered 2xx in 10 ms (p99 40 ms) with 100 bytes each way.
 */
export function metrics(window: Metrics["window"], requests: number[]): Metrics {
  const start = Date.parse("2026-11-27T10:00:00Z");
  const points = requests.map((count, index) => ({
    startsAt: new Date(start + index * 10_000).toISOString(),
    requests: count,
    responses1xx: 0,
    responses2xx: count,
    responses3xx: 0,
    responses4xx: 0,
    responses5xx: 0,
    bytesReceived: count * 100,
    bytesSent: count * 100,
    inFlight: count > 0 ? 1 : 0,
    ...(count > 0 && { latencyMillis: { p50: 10, p90: 20, p99: 40 } }),
  }));
  const total = requests.reduce((sum, count) => sum + count, 0);
  return {
    window,
    stepSeconds: 10,
    startsAt: points[0]?.startsAt ?? new Date(start).toISOString(),
    endsAt: new Date(start + requests.length * 10_000).toISOString(),
    points,
    totals: {
      requests: total,
      responses1xx: 0,
      responses2xx: total,
      responses3xx: 0,
      responses4xx: 0,
      responses5xx: 0,
      bytesReceived: total * 100,
      bytesSent: total * 100,
      peakInFlight: total > 0 ? 1 : 0,
      ...(total > 0 && { latencyMillis: { p50: 10, p90: 20, p99: 40 } }),
    },
  };
}

function idOf(group: string, name: string): string {
  return `00000000-0000-4000-${group}-${name.replace(/\W/g, "").padStart(12, "0").slice(-12)}`;
}
