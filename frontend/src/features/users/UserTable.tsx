import { ConfirmButton } from "../../components/ConfirmButton";
import { ProblemAlert } from "../../components/ProblemAlert";
import { RoleSelect } from "./RoleSelect";
import { useChangeUserRole, useRemoveUser, type User } from "./users";

export function UserTable({ users }: { users: User[] }) {
  const changeRole = useChangeUserRole();
  const remove = useRemoveUser();
  const busy = changeRole.isPending || remove.isPending;
  return (
    <>
      {/* Only the outcome of the latest action is shown: each one clears the other's. */}
      <ProblemAlert error={changeRole.error ?? remove.error} />
      <table aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.displayName}</td>
              <td>{user.email}</td>
              <td>
                <RoleSelect
                  label={`Role of ${user.email}`}
                  value={user.role}
                  disabled={busy}
                  onChange={(role) => {
                    remove.reset();
                    changeRole.mutate({ userId: user.id, role });
                  }}
                />
              </td>
              <td>
                <ConfirmButton
                  label="Remove"
                  question={`Remove ${user.email}?`}
                  disabled={busy}
                  onConfirm={() => {
                    changeRole.reset();
                    remove.mutate(user.id);
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
