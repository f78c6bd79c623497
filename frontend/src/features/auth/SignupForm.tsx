import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useSignUp, type SignupRequest } from "./session";

const EMPTY: SignupRequest = { tenantName: "", tenantSlug: "", displayName: "", email: "", password: "" };

export function SignupForm() {
  const [form, setForm] = useState<SignupRequest>(EMPTY);
  const signUp = useSignUp();
  const navigate = useNavigate();

  function update(field: keyof SignupRequest) {
    return (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    signUp.mutate(form, { onSuccess: () => navigate("/", { replace: true }) });
  }

  return (
    <form className="card stack" onSubmit={submit}>
      <ProblemAlert error={signUp.error} />
      <label>
        Organisation
        <input required maxLength={100} value={form.tenantName} onChange={update("tenantName")} />
      </label>
      <label>
        Short name
        <input
          required
          pattern="[a-z][a-z0-9\-]{1,38}[a-z0-9]"
          placeholder="acme"
          value={form.tenantSlug}
          onChange={update("tenantSlug")}
        />
        <small className="muted">Lower-case letters, digits and dashes; used in your DNS names.</small>
      </label>
      <label>
        Your name
        <input required maxLength={100} autoComplete="name" value={form.displayName} onChange={update("displayName")} />
      </label>
      <label>
        Email
        <input type="email" required autoComplete="email" value={form.email} onChange={update("email")} />
      </label>
      <label>
        Password
        <input
          type="password"
          required
          minLength={12}
          autoComplete="new-password"
          value={form.password}
          onChange={update("password")}
        />
        <small className="muted">At least 12 characters.</small>
      </label>
      <button type="submit" disabled={signUp.isPending}>
        {signUp.isPending ? "Creating account…" : "Create account"}
      </button>
      <p className="muted">
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </form>
  );
}
