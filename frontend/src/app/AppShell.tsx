import { NavLink, Outlet } from "react-router";
import { LogoutButton } from "../features/auth/LogoutButton";
import { useSession } from "../features/auth/session";

/** Header and frame around every signed-in page. */
export function AppShell() {
  const session = useSession();
  return (
    <>
      <header className="app-header">
        <span className="brand">Signalbox</span>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Load balancers
          </NavLink>
          <NavLink to="/tokens">API tokens</NavLink>
          {/* Only admins may manage users; the server enforces it, this just hides a dead end. */}
          {session.data?.user.role === "ADMIN" && <NavLink to="/users">Users</NavLink>}
        </nav>
        {session.data && (
          <span className="muted">
            {session.data.tenant.name} · {session.data.user.displayName}
          </span>
        )}
        <LogoutButton />
      </header>
      <main className="app-main">
        <Outlet />
      </main>
    </>
  );
}
