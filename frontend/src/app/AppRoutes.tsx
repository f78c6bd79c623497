import { Navigate, Route, Routes } from "react-router";
import { LoginPage } from "../features/auth/LoginPage";
import { RequireSession } from "../features/auth/RequireSession";
import { SignupPage } from "../features/auth/SignupPage";
import { AcceptInvitationPage } from "../features/invitations/AcceptInvitationPage";
import { LoadBalancerPage } from "../features/loadbalancers/LoadBalancerPage";
import { LoadBalancersPage } from "../features/loadbalancers/LoadBalancersPage";
import { TokensPage } from "../features/tokens/TokensPage";
import { UsersPage } from "../features/users/UsersPage";
import { AppShell } from "./AppShell";

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/signup" element={<SignupPage />} />
      {/* Invitation e-mails link here; the path is part of the backend's mail contract. */}
      <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
      <Route
        element={
          <RequireSession>
            <AppShell />
          </RequireSession>
        }
      >
        <Route index element={<LoadBalancersPage />} />
        <Route path="load-balancers/:loadBalancerId" element={<LoadBalancerPage />} />
        <Route path="tokens" element={<TokensPage />} />
        <Route path="users" element={<UsersPage />} />
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
