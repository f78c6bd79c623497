import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { isUnauthorized } from "../../api/ApiError";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useSession } from "./session";

/** Renders its children only for a signed-in user; sends everyone else to the login page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.isPending) {
    return <p className="muted centered">Loading…</p>;
  }
  if (isUnauthorized(session.error)) {
    return <Navigate to="/login" replace />;
  }
  if (session.isError) {
    return <ProblemAlert error={session.error} />;
  }
  return children;
}
