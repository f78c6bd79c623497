import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, dataOf } from "../../api/client";
import type { components } from "../../api/generated/schema";

export type ApiToken = components["schemas"]["ApiToken"];
export type ApiTokenRequest = components["schemas"]["ApiTokenRequest"];
export type CreatedApiToken = components["schemas"]["CreatedApiToken"];
export type Scope = ApiTokenRequest["scopes"][number];

export const SCOPES: Scope[] = ["read", "write"];

export const apiTokensQueryKey = ["api-tokens"] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: apiTokensQueryKey,
    queryFn: async () => (await dataOf(api.GET("/tokens"))).items,
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ApiTokenRequest) => dataOf(api.POST("/tokens", { body: request })),
    // Refetch rather than put the answer in the list: it carries the secret,
    // which must live no longer than the one screen that shows it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => dataOf(api.DELETE("/tokens/{tokenId}", { params: { path: { tokenId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
}
