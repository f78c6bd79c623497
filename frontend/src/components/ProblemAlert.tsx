import { ApiError } from "../api/ApiError";

/** Shows what went wrong, in the server's words when it sent a problem. */
export function ProblemAlert({ error }: { error: Error | null }) {
  if (error === null) {
    return null;
  }
  if (!(error instanceof ApiError)) {
    return (
      <div role="alert" className="alert">
        The server could not be reached. Check your connection and try again.
      </div>
    );
  }
  return (
    <div role="alert" className="alert">
      <strong>{error.detail ?? error.title}</strong>
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((fieldError) => (
            <li key={fieldError.pointer + fieldError.detail}>
              {fieldName(fieldError.pointer)}: {fieldError.detail}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// A JSON pointer such as "/tenantSlug" or "#/targets/0/port" names the field.
function fieldName(pointer: string): string {
  return pointer.replace(/^#?\//, "").replaceAll("/", ".");
}
