import { ConfirmButton } from "../../components/ConfirmButton";
import { DateTime } from "../../components/DateTime";
import { ProblemAlert } from "../../components/ProblemAlert";
import { ROLES, useRevokeInvitation, type Invitation } from "./users";

export function InvitationTable({ invitations }: { invitations: Invitation[] }) {
  const revoke = useRevokeInvitation();
  if (invitations.length === 0) {
    return <p className="muted">No pending invitations.</p>;
  }
  return (
    <>
      <ProblemAlert error={revoke.error} />
      <table aria-label="Pending invitations">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Invited by</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <td>{invitation.email}</td>
              <td>{ROLES.find((role) => role.value === invitation.role)?.label ?? invitation.role}</td>
              <td>{invitation.invitedBy}</td>
              <td>
                <DateTime value={invitation.expiresAt} />
              </td>
              <td>
                <ConfirmButton
                  label="Revoke"
                  question={`Revoke the invitation of ${invitation.email}?`}
                  disabled={revoke.isPending}
                  onConfirm={() => revoke.mutate(invitation.id)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
