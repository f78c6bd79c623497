import { Outlet } from "react-router";
import { LogoutButton } from "../features/auth/LogoutButton";
import { useSession } from "../features/auth/session";

/** Header and frame around every signed-in page. */
export function AppShell() {
  const session = useSession();
  return (
    <>
      <header className="app-header">
        <span className="brand">Signalbox</span>
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
