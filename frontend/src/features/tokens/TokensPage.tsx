import { CreateTokenForm } from "./CreateTokenForm";
import { TokenList } from "./TokenList";

export function TokensPage() {
  return (
    <section className="stack">
      <h1>API tokens</h1>
      <p className="muted">
        Scripts call the API with <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you, within
        its scopes.
      </p>
      <CreateTokenForm />
      <TokenList />
    </section>
  );
}
