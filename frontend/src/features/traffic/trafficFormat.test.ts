import { describe, expect, it } from "vitest";
import { formatBytes, formatLatency, formatShare } from "./trafficFormat";

describe("traffic formats", () => {
  it("scales bytes to decimal units", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1_500)).toBe("1.5 kB");
    expect(formatBytes(2_340_000)).toBe("2.3 MB");
    expect(formatBytes(7_000_000_000_000_000)).toBe("7,000 TB");
  });

  it("gives a share as a percentage, and none of nothing", () => {
    expect(formatShare(1, 40)).toBe("2.5%");
    expect(formatShare(0, 40)).toBe("0%");
    expect(formatShare(0, 0)).toBe("—");
  });

  it("shows latency in milliseconds with one decimal, or that there is none", () => {
    expect(formatLatency(12.345)).toBe("12.3 ms");
    expect(formatLatency(10_000)).toBe("10,000 ms");
    expect(formatLatency(undefined)).toBe("—");
  });
});
