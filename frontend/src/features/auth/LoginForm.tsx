import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useLogIn } from "./session";

export function LoginForm() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const logIn = useLogIn();
  const navigate = useNavigate();

  function submit(event: FormEvent) {
    event.preventDefault();
    logIn.mutate({ email, password }, { onSuccess: () => navigate("/", { replace: true }) });
  }

  return (
    <form className="card stack" onSubmit={submit}>
      <ProblemAlert error={logIn.error} />
      <label>
        Email
        <input
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
      <label>
        Password
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <button type="submit" disabled={logIn.isPending}>
        {logIn.isPending ? "Signing in…" : "Sign in"}
      </button>
      <p className="muted">
        New to Signalbox? <Link to="/signup">Create an account</Link>
      </p>
    </form>
  );
}
