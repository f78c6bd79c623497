import { useState, type FormEvent } from "react";
import { ProblemAlert } from "../../components/ProblemAlert";
import { RoleSelect } from "./RoleSelect";
import { useInviteUser, type Role } from "./users";

export function InviteUserForm() {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("VIEWER");
  const invite = useInviteUser();

  function submit(event: FormEvent) {
    event.preventDefault();
    invite.mutate({ email, role }, { onSuccess: () => setEmail("") });
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label="Invite a user">
      <label>
        Email
        <input type="email" required maxLength={254} value={email} onChange={(event) => setEmail(event.target.value)} />
      </label>
      <label>
        Role
        <RoleSelect value={role} onChange={setRole} />
      </label>
      <button type="submit" disabled={invite.isPending}>
        {invite.isPending ? "Sending…" : "Send invitation"}
      </button>
      <ProblemAlert error={invite.error} />
      {invite.isSuccess && (
        <p role="status" className="notice">
          Invitation sent to {invite.data.email}.
        </p>
      )}
    </form>
  );
}
