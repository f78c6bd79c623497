import { describe, expect, it } from "vitest";
import { describeAction } from "./actionSummary";

const groupNames = new Map([
  ["00000000-0000-4000-c000-000000000001", "web"],
  ["00000000-0000-4000-c000-000000000002", "canary"],
]);

const keepEverything = {
  statusCode: 301,
  protocol: "#{protocol}",
  host: "#{host}",
  port: "#{port}",
  path: "/#{path}",
  query: "#{query}",
};

describe("action summary", () => {
  it("names the target group a forward goes to", () => {
    expect(describeAction({ type: "FORWARD", targetGroupId: "00000000-0000-4000-c000-000000000001" }, groupNames)).toBe(
      "Forward to web",
    );
    expect(
      describeAction(
        {
          type: "FORWARD",
          targetGroupId: "00000000-0000-4000-c000-000000000002",
          targetGroups: [{ targetGroupId: "00000000-0000-4000-c000-000000000002", weight: 1 }],
        },
        groupNames,
      ),
    ).toBe("Forward to canary");
  });

  it("lists weighted target groups with their weights and stickiness", () => {
    expect(
      describeAction(
        {
          type: "FORWARD",
          targetGroups: [
            { targetGroupId: "00000000-0000-4000-c000-000000000001", weight: 9 },
            { targetGroupId: "00000000-0000-4000-c000-000000000002", weight: 1 },
          ],
          stickinessSeconds: 300,
        },
        groupNames,
      ),
    ).toBe("Forward to web (weight 9), canary (weight 1), sticky for 300 s");
  });

  it("falls back to the id of a target group it does not know", () => {
    expect(describeAction({ type: "FORWARD", targetGroupId: "00000000-0000-4000-c000-00000000000f" }, groupNames)).toBe(
      "Forward to 00000000-0000-4000-c000-00000000000f",
    );
  });

  it("spells out a redirect, with the parts kept from the request as placeholders", () => {
    expect(
      describeAction({ type: "REDIRECT", redirect: { ...keepEverything, protocol: "HTTPS", port: "443" } }, groupNames),
    ).toBe("Redirect 301 to HTTPS://#{host}:443/#{path}?#{query}");
    expect(
      describeAction(
        { type: "REDIRECT", redirect: { ...keepEverything, statusCode: 302, host: "example.com", path: "/new", query: "" } },
        groupNames,
      ),
    ).toBe("Redirect 302 to #{protocol}://example.com:#{port}/new");
  });

  it("gives the status of a fixed response", () => {
    expect(
      describeAction(
        { type: "FIXED_RESPONSE", fixedResponse: { statusCode: 503, contentType: "text/plain", messageBody: "" } },
        groupNames,
      ),
    ).toBe("Fixed response 503");
  });
});
