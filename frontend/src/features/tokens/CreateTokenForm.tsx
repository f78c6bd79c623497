import { useState, type FormEvent } from "react";
import { ProblemAlert } from "../../components/ProblemAlert";
import { NewTokenSecret } from "./NewTokenSecret";
import { SCOPES, useCreateApiToken, type Scope } from "./tokens";

const DEFAULT_DAYS = "90";

export function CreateTokenForm() {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(["read"]);
  const [days, setDays] = useState(DEFAULT_DAYS);
  const create = useCreateApiToken();

  function toggle(scope: Scope, checked: boolean) {
    // Kept in SCOPES order, so the request does not depend on the order of clicks.
    setScopes(SCOPES.filter((candidate) => (candidate === scope ? checked : scopes.includes(candidate))));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { name, scopes, expiresInDays: Number(days) },
      {
        onSuccess: () => {
          setName("");
          setDays(DEFAULT_DAYS);
        },
      },
    );
  }

  if (create.isSuccess) {
    // reset() drops the secret from memory once the user is done with it.
    return <NewTokenSecret created={create.data} onDone={() => create.reset()} />;
  }
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Create API token">
      <label>
        Name
        <input required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <fieldset>
        <legend>Scopes</legend>
        {SCOPES.map((scope) => (
          <label key={scope} className="checkbox">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(event) => toggle(scope, event.target.checked)}
            />
            {scope}
          </label>
        ))}
      </fieldset>
      <label>
        Valid for days
        <input
          type="number"
          required
          min={1}
          max={365}
          value={days}
          onChange={(event) => setDays(event.target.value)}
        />
      </label>
      <button type="submit" disabled={create.isPending || scopes.length === 0}>
        {create.isPending ? "Creating…" : "Create token"}
      </button>
      <ProblemAlert error={create.error} />
    </form>
  );
}
