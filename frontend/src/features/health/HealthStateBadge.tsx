import type { TargetHealthState } from "./targetHealth";

const TONES: Record<TargetHealthState, string> = {
  HEALTHY: "ok",
  UNHEALTHY: "bad",
  INITIAL: "warn",
  DRAINING: "neutral",
  UNKNOWN: "neutral",
};

/** A target's state as a coloured word: healthy, unhealthy, initial, draining or unknown. */
export function HealthStateBadge({ state }: { state: TargetHealthState }) {
  return <span className={`badge ${TONES[state]}`}>{state.toLowerCase()}</span>;
}
