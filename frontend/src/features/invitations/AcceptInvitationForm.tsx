import { useState, type FormEvent, type ReactNode } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { ApiError } from "../../api/ApiError";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useSession } from "../auth/session";
import { invitationToken, useAcceptInvitation } from "./invitations";

export function AcceptInvitationForm() {
  const token = invitationToken(useLocation().hash);
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const session = useSession();
  const accept = useAcceptInvitation();
  const navigate = useNavigate();

  if (token === undefined) {
    return (
      <UnusableInvitation>
        <div role="alert" className="alert">
          <strong>This link has no invitation in it.</strong> Open the link from your invitation e-mail again, or
          ask an admin of your team to send a new one.
        </div>
      </UnusableInvitation>
    );
  }
  // Unknown, expired, revoked or already accepted: the server does not say which.
  if (accept.error instanceof ApiError && accept.error.status === 404) {
    return (
      <UnusableInvitation>
        <ProblemAlert error={accept.error} />
      </UnusableInvitation>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate({ token, displayName, password }, { onSuccess: () => navigate("/", { replace: true }) });
  };

  return (
    <form className="card stack" onSubmit={submit}>
      <ProblemAlert error={accept.error} />
      {session.data && (
        <p className="muted">
          You are signed in as {session.data.user.email}. Accepting signs you in as the invited user instead.
        </p>
      )}
      <label>
        Your name
        <input
          required
          maxLength={100}
          autoComplete="name"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
      </label>
      <label>
        Password
        <input
          type="password"
          required
          minLength={12}
          maxLength={200}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <small className="muted">At least 12 characters.</small>
      </label>
      <button type="submit" disabled={accept.isPending}>
        {accept.isPending ? "Joining…" : "Accept invitation"}
      </button>
    </form>
  );
}

function UnusableInvitation({ children }: { children: ReactNode }) {
  return (
    <div className="card stack">
      {children}
      <p>
        <Link to="/login">Go to the sign-in page</Link>
      </p>
    </div>
  );
}
