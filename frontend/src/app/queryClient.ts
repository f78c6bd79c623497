import { QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError, isUnauthorized } from "../api/ApiError";
import { sessionQueryKey } from "../features/auth/session";

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A session that expired while the console was open shows up as a 401 on
      // any query: re-check the session so the login gate takes over.
      onError: (error, query) => {
        if (isUnauthorized(error) && query.queryKey[0] !== sessionQueryKey[0]) {
          void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
        }
      },
    }),
    defaultOptions: {
      queries: {
        // A 4xx answer will not change by asking again; network errors and 5xx might.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status < 500) && failureCount < MAX_RETRIES,
      },
    },
  });
  return queryClient;
}
