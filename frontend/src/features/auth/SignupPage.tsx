import { AuthLayout } from "./AuthLayout";
import { SignupForm } from "./SignupForm";

export function SignupPage() {
  return (
    <AuthLayout title="Create your Signalbox account">
      <SignupForm />
    </AuthLayout>
  );
}
