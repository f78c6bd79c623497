import { useNavigate } from "react-router";
import { useLogOut } from "./session";

export function LogoutButton() {
  const logOut = useLogOut();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className="secondary"
      disabled={logOut.isPending}
      onClick={() => logOut.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) })}
    >
      Log out
    </button>
  );
}
