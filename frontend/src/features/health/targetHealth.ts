import { useQuery } from "@tanstack/react-query";
import { api, dataOf } from "../../api/client";
import type { components } from "../../api/generated/schema";

export type TargetHealthList = components["schemas"]["TargetHealthList"];
export type TargetHealth = components["schemas"]["TargetHealth"];
export type NodeTargetHealth = components["schemas"]["NodeTargetHealth"];
export type HealthProbe = components["schemas"]["HealthProbe"];
export type TargetHealthState = components["schemas"]["TargetHealthState"];

// Nodes report health every heartbeat (a few seconds). Polling pauses while
// the browser tab is hidden (TanStack Query's refetchIntervalInBackground is off).
const HEALTH_POLL_MS = 5_000;

export function useTargetHealth(loadBalancerId: string, targetGroupId: string) {
  return useQuery({
    queryKey: ["load-balancers", loadBalancerId, "target-groups", targetGroupId, "health"],
    queryFn: async () =>
      dataOf(
        api.GET("/load-balancers/{loadBalancerId}/target-groups/{targetGroupId}/health", {
          params: { path: { loadBalancerId, targetGroupId } },
        }),
      ),
    refetchInterval: HEALTH_POLL_MS,
  });
}
