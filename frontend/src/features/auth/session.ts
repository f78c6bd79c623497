import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, dataOf } from "../../api/client";
import type { components } from "../../api/generated/schema";

export type Session = components["schemas"]["Session"];
export type LoginRequest = components["schemas"]["LoginRequest"];
export type SignupRequest = components["schemas"]["SignupRequest"];

export const sessionQueryKey = ["session"] as const;

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: () => dataOf(api.GET("/session")),
    staleTime: 60_000,
  });
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => dataOf(api.POST("/session", { body: credentials })),
    onSuccess: (session) => queryClient.setQueryData(sessionQueryKey, session),
  });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SignupRequest) => dataOf(api.POST("/signup", { body: request })),
    onSuccess: (session) => queryClient.setQueryData(sessionQueryKey, session),
  });
}

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => dataOf(api.DELETE("/session")),
    // Whatever the server said, nothing of the previous tenant may stay on screen.
    onSettled: () => queryClient.clear(),
  });
}
