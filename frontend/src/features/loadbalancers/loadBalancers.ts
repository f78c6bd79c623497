import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, dataOf } from "../../api/client";
import type { components } from "../../api/generated/schema";

export type LoadBalancer = components["schemas"]["LoadBalancer"];
export type LoadBalancerRequest = components["schemas"]["LoadBalancerRequest"];

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

export function useCreateLoadBalancer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: LoadBalancerRequest) => dataOf(api.POST("/load-balancers", { body: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loadBalancersQueryKey }),
  });
}
