import { ProblemAlert } from "../../components/ProblemAlert";
import { InvitationTable } from "./InvitationTable";
import { useInvitations } from "./users";

export function InvitationList() {
  const invitations = useInvitations();
  if (invitations.isPending) {
    return <p className="muted">Loading invitations…</p>;
  }
  if (invitations.isError) {
    return <ProblemAlert error={invitations.error} />;
  }
  return <InvitationTable invitations={invitations.data} />;
}
