import type { Session } from "../features/auth/session";
import type { LoadBalancer } from "../features/loadbalancers/loadBalancers";
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
