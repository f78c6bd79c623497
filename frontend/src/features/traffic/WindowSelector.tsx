import { METRICS_WINDOWS, type MetricsWindow } from "./metrics";

/** How far back the traffic goes: one pressed button of five. */
export function WindowSelector({ value, onChange }: { value: MetricsWindow; onChange: (window: MetricsWindow) => void }) {
  return (
    <div role="group" aria-label="Window" className="segmented">
      {METRICS_WINDOWS.map((window) => (
        <button
          key={window.value}
          type="button"
          className={window.value === value ? undefined : "secondary"}
          aria-pressed={window.value === value}
          onClick={() => onChange(window.value)}
        >
          {window.label}
        </button>
      ))}
    </div>
  );
}
