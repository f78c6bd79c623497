import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, dataOf } from "../../api/client";
import type { components } from "../../api/generated/schema";

export type LoadBalancer = components["schemas"]["LoadBalancer"];
export type LoadBalancerRequest = components["schemas"]["LoadBalancerRequest"];
export type Convergence = components["schemas"]["Convergence"];
export type LoadBalancerConfiguration = components["schemas"]["LoadBalancerConfiguration"];
export type ConfiguredListener = components["schemas"]["ConfiguredListener"];
export type ConfiguredTargetGroup = components["schemas"]["ConfiguredTargetGroup"];
export type Action = components["schemas"]["Action"];
export type Target = components["schemas"]["Target"];

export const loadBalancersQueryKey = ["load-balancers"] as const;

// Nodes report applied revisions continuously; polling lets the list show a
// change converging without a reload.
const CONVERGENCE_POLL_MS = 5_000;

export function useLoadBalancers() {
  return useQuery({
    queryKey: loadBalancersQueryKey,
    queryFn: async () => (await dataOf(api.GET("/load-balancers"))).items,
    refetchInterval: CONVERGENCE_POLL_MS,
  });
}

export function useLoadBalancer(loadBalancerId: string) {
  return useQuery({
    queryKey: [...loadBalancersQueryKey, loadBalancerId],
    queryFn: () => dataOf(api.GET("/load-balancers/{loadBalancerId}", { params: { path: { loadBalancerId } } })),
    refetchInterval: CONVERGENCE_POLL_MS,
  });
}

/**
 * Listeners with their rules and target groups with their targets, as they are
 * at `revision`: one call instead of one per listener and group, and a
 * revision never changes, so a new one is fetched only when the load
 * balancer's revision moves on. Until it arrives the previous one stays on
 * screen, so what is open there (a window, an expanded target) stays open.
 */
export function useConfigurationAt(loadBalancerId: string, revision: number) {
  return useQuery({
    queryKey: [...loadBalancersQueryKey, loadBalancerId, "revisions", revision],
    queryFn: async () =>
      (
        await dataOf(
          api.GET("/load-balancers/{loadBalancerId}/revisions/{revision}", {
            params: { path: { loadBalancerId, revision } },
          }),
        )
      ).configuration,
    staleTime: Infinity,
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === loadBalancerId ? previous : undefined,
  });
}

export function useCreateLoadBalancer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: LoadBalancerRequest) => dataOf(api.POST("/load-balancers", { body: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loadBalancersQueryKey }),
  });
}
