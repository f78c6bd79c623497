import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { useSession } from "./session";

/**
 * Frame of the signed-out pages. It also asks for the session: a signed-in
 * user goes straight to the console (unless `signedInGoesHome` is off), and
 * the answer lets the server set the XSRF-TOKEN cookie before the form posts.
 */
export function AuthLayout({
  title,
  signedInGoesHome = true,
  children,
}: {
  title: string;
  signedInGoesHome?: boolean;
  children: ReactNode;
}) {
  const session = useSession();
  if (signedInGoesHome && session.data) {
    return <Navigate to="/" replace />;
  }
  return (
    <main className="auth-layout">
      <h1>{title}</h1>
      {children}
    </main>
  );
}
