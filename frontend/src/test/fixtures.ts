import type { Session } from "../features/auth/session";
import type { LoadBalancer } from "../features/loadbalancers/loadBalancers";

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
  };
}
