import { linePath, SPARKLINE_HEIGHT } from "./linePath";

/**
 * A small line chart of one series, oldest first. Missing values (null) leave
 * a gap rather than drawing a fall to zero that did not happen.
 */
export function Sparkline({
  label,
  values,
  format,
}: {
  label: string;
  values: (number | null)[];
  format: (value: number) => string;
}) {
  const present = values.filter((value) => value !== null);
  const peak = Math.max(0, ...present);
  const summary = present.length === 0 ? "no data" : `peak ${format(peak)}`;
  // Drawn in a box as wide as the series is long, stretched to the figure's
  // size; the stroke keeps its width however it is stretched.
  return (
    <figure className="sparkline">
      <figcaption>
        {label} <span className="muted">· {summary}</span>
      </figcaption>
      <svg
        role="img"
        aria-label={`${label}, ${summary}`}
        viewBox={`0 0 ${Math.max(values.length - 1, 1)} ${SPARKLINE_HEIGHT}`}
        preserveAspectRatio="none"
      >
        <path d={linePath(values, peak)} vectorEffect="non-scaling-stroke" />
      </svg>
    </figure>
  );
}
