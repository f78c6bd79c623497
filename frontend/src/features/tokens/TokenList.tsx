import { ProblemAlert } from "../../components/ProblemAlert";
import { TokenTable } from "./TokenTable";
import { useApiTokens } from "./tokens";

export function TokenList() {
  const tokens = useApiTokens();
  if (tokens.isPending) {
    return <p className="muted">Loading API tokens…</p>;
  }
  if (tokens.isError) {
    return <ProblemAlert error={tokens.error} />;
  }
  return <TokenTable tokens={tokens.data} />;
}
