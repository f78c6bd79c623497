import { ProblemAlert } from "../../components/ProblemAlert";
import { UserTable } from "./UserTable";
import { useUsers } from "./users";

export function UserList() {
  const users = useUsers();
  if (users.isPending) {
    return <p className="muted">Loading users…</p>;
  }
  if (users.isError) {
    return <ProblemAlert error={users.error} />;
  }
  return <UserTable users={users.data} />;
}
