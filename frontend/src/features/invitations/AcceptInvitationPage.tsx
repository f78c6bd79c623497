import { AuthLayout } from "../auth/AuthLayout";
import { AcceptInvitationForm } from "./AcceptInvitationForm";

export function AcceptInvitationPage() {
  return (
    // A signed-in person may open an invitation to another team: let them accept it.
    <AuthLayout title="Join your team on Signalbox" signedInGoesHome={false}>
      <AcceptInvitationForm />
    </AuthLayout>
  );
}
