import { METRICS_WINDOWS, type MetricsWindow } from "./metrics";

/** How far back the traffic goes: one pressed button of five. */
export function WindowSelector({ value, onChange }: { value: MetricsWindow; onChange: (metricsWindow: MetricsWindow) => void }) {
  return (
    <div role="group" aria-label="Window" className="segmented">
      {METRICS_WINDOWS.map((option) => (
        <button
          key={option.value}
          type="button"
          className={option.value === value ? undefined : "secondary"}
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
