import { ConfirmButton } from "../../components/ConfirmButton";
import { DateTime } from "../../components/DateTime";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useRevokeApiToken, type ApiToken } from "./tokens";

export function TokenTable({ tokens }: { tokens: ApiToken[] }) {
  const revoke = useRevokeApiToken();
  if (tokens.length === 0) {
    return <p className="muted">No API tokens yet. Create one above to call the API from scripts.</p>;
  }
  return (
    <>
      <ProblemAlert error={revoke.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Prefix</th>
            <th scope="col">Scopes</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>{token.scopes.join(", ")}</td>
              <td>
                <DateTime value={token.expiresAt} />
              </td>
              <td>{token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : "Never"}</td>
              <td>
                <ConfirmButton
                  label="Revoke"
                  question={`Revoke ${token.name}? Scripts using it stop working.`}
                  disabled={revoke.isPending}
                  onConfirm={() => revoke.mutate(token.id)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
