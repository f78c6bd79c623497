import { describe, expect, it } from "vitest";
import { linePath } from "./linePath";

describe("sparkline path", () => {
  it("scales the values so the peak touches the top", () => {
    expect(linePath([0, 5, 10], 10)).toBe("M0 100 L1 50 L2 0");
  });

  it("starts a new segment after a gap and marks a lone value as a dot", () => {
    expect(linePath([4, null, 2, 1, null, 3], 4)).toBe("M0 0 h0 M2 50 L3 75 M5 25 h0");
  });

  it("draws a quiet series along the bottom", () => {
    expect(linePath([0, 0], 0)).toBe("M0 100 L1 100");
  });

  it("draws nothing without values", () => {
    expect(linePath([null, null], 0)).toBe("");
  });
});
