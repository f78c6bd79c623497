import { useState } from "react";
import type { CreatedApiToken } from "./tokens";

type CopyState = "idle" | "copied" | "failed";

/** The secret of a token just created; the server never returns it again. */
export function NewTokenSecret({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  const [copy, setCopy] = useState<CopyState>("idle");

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopy("copied");
    } catch {
      // No clipboard outside a secure context, or permission refused.
      setCopy("failed");
    }
  }

  return (
    <div className="card stack secret" role="region" aria-label="New API token">
      <p>
        <strong>Copy the token {created.name} now. It will not be shown again.</strong>
      </p>
      <code className="secret-value">{created.token}</code>
      <div className="inline-form">
        <button type="button" onClick={() => void copySecret()}>
          {copy === "copied" ? "Copied" : "Copy token"}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Done
        </button>
      </div>
      {copy === "failed" && (
        <p role="alert" className="alert">
          Could not copy. Select the token and copy it by hand.
        </p>
      )}
    </div>
  );
}
