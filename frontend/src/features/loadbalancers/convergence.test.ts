import { describe, expect, it } from "vitest";
import { describeConvergence, formatConvergenceTime } from "./convergence";

describe("convergence", () => {
  it("counts the nodes on the current revision and names the slowest", () => {
    expect(describeConvergence({ revision: 7, nodesOnRevision: 2, nodes: 3, slowestMillis: 1_240 })).toBe(
      "2/3 nodes on revision 7 · slowest 1.2 s",
    );
  });

  it("leaves out the slowest while no node is on the revision", () => {
    expect(describeConvergence({ revision: 7, nodesOnRevision: 0, nodes: 2 })).toBe("0/2 nodes on revision 7");
  });

  it("says so when no node has reported", () => {
    expect(describeConvergence({ revision: 1, nodesOnRevision: 0, nodes: 0 })).toBe("No node has applied it yet");
  });

  it("shows short times in milliseconds and long ones in seconds", () => {
    expect(formatConvergenceTime(0)).toBe("0 ms");
    expect(formatConvergenceTime(999)).toBe("999 ms");
    expect(formatConvergenceTime(1_000)).toBe("1.0 s");
    expect(formatConvergenceTime(12_345)).toBe("12.3 s");
  });
});
