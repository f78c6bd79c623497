export const SPARKLINE_HEIGHT = 100;

/**
 * An SVG path through the values at x = index, scaled so `peak` touches the
 * top (y = 0). A gap (null) starts a new segment; a lone value between gaps
 * becomes a zero-length segment, which a round line cap draws as a dot.
 */
export function linePath(values: (number | null)[], peak: number): string {
  const segments: string[][] = [];
  let segment: string[] | undefined;
  values.forEach((value, index) => {
    if (value === null) {
      segment = undefined;
      return;
    }
    const y = peak === 0 ? SPARKLINE_HEIGHT : SPARKLINE_HEIGHT - (value / peak) * SPARKLINE_HEIGHT;
    if (segment === undefined) {
      segment = [];
      segments.push(segment);
    }
    segment.push(`${segment.length === 0 ? "M" : "L"}${index} ${Math.round(y * 100) / 100}`);
  });
  return segments.map((points) => (points.length === 1 ? `${points[0]} h0` : points.join(" "))).join(" ");
}
