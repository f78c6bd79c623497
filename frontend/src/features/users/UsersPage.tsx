import { InvitationList } from "./InvitationList";
import { InviteUserForm } from "./InviteUserForm";
import { UserList } from "./UserList";

export function UsersPage() {
  return (
    <section className="stack">
      <h1>Users</h1>
      <InviteUserForm />
      <UserList />
      <h2>Pending invitations</h2>
      <InvitationList />
    </section>
  );
}
