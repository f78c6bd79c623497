import { describe, expect, it } from "vitest";
import { targetGroup } from "../../test/fixtures";
import { describeAlgorithm, describeHealthCheck } from "./targetGroupSummary";

describe("target group summary", () => {
  it("names the algorithm, and what consistent hashing hashes", () => {
    expect(describeAlgorithm(targetGroup("web", [], { algorithm: "WEIGHTED_ROUND_ROBIN" }))).toBe("Weighted round robin");
    expect(describeAlgorithm(targetGroup("web", [], { algorithm: "CONSISTENT_HASH" }))).toBe("Consistent hash by source IP");
    expect(
      describeAlgorithm(targetGroup("web", [], { algorithm: "CONSISTENT_HASH", hashKey: { type: "HEADER", name: "X-User" } })),
    ).toBe("Consistent hash by header X-User");
    expect(
      describeAlgorithm(targetGroup("web", [], { algorithm: "CONSISTENT_HASH", hashKey: { type: "COOKIE", name: "sid" } })),
    ).toBe("Consistent hash by cookie sid");
  });

  it("describes an HTTP check by its path and a TCP check as a connect", () => {
    const web = targetGroup("web", []);
    expect(describeHealthCheck({ ...web, healthCheck: { ...web.healthCheck, protocol: "HTTPS", path: "/healthz" } })).toBe(
      "HTTPS /healthz every 30 s, healthy after 5, unhealthy after 2",
    );
    expect(describeHealthCheck({ ...web, healthCheck: { ...web.healthCheck, protocol: "TCP", unhealthyThreshold: 3 } })).toBe(
      "TCP connect every 30 s, healthy after 5, unhealthy after 3",
    );
  });
});
