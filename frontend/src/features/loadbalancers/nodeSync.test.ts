import { describe, expect, it } from "vitest";
import { loadBalancer } from "../../test/fixtures";
import { describeNodeSync, isFullySynced } from "./nodeSync";

describe("node sync", () => {
  it("counts the nodes serving the current revision", () => {
    expect(describeNodeSync(loadBalancer("web", 3, [true, false, true]).nodes)).toBe("2/3 nodes on latest revision");
    expect(describeNodeSync(loadBalancer("web", 3, [true]).nodes)).toBe("1/1 nodes on latest revision");
  });

  it("says so when no node has reported", () => {
    expect(describeNodeSync([])).toBe("No node has applied it yet");
    expect(isFullySynced([])).toBe(false);
  });

  it("is fully synced only when every node is", () => {
    expect(isFullySynced(loadBalancer("web", 3, [true, true]).nodes)).toBe(true);
    expect(isFullySynced(loadBalancer("web", 3, [true, false]).nodes)).toBe(false);
  });
});
