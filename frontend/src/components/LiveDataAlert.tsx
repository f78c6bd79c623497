import { ApiError } from "../api/ApiError";
import { ProblemAlert } from "./ProblemAlert";

/**
 * The error of a query for what the nodes report (health, traffic). A 503
 * means the panel cannot read its live-state store: the configuration is
 * fine and the console keeps asking, so it says that rather than "failed".
 */
export function LiveDataAlert({ error, subject }: { error: Error | null; subject: string }) {
  if (error instanceof ApiError && error.status === 503) {
    return (
      <div role="alert" className="alert">
        <strong>{subject} is unavailable right now.</strong> The panel cannot read the live state the gateway nodes
        report; the configuration is not affected. This page tries again by itself.
      </div>
    );
  }
  return <ProblemAlert error={error} />;
}
