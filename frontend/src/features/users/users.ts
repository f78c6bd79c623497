import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, dataOf } from "../../api/client";
import type { components } from "../../api/generated/schema";
import { sessionQueryKey } from "../auth/session";

export type User = components["schemas"]["User"];
export type Role = User["role"];
export type Invitation = components["schemas"]["Invitation"];
export type InvitationRequest = components["schemas"]["InvitationRequest"];

export const ROLES: { value: Role; label: string }[] = [
  { value: "ADMIN", label: "Admin" },
  { value: "EDITOR", label: "Editor" },
  { value: "VIEWER", label: "Viewer" },
];

export const usersQueryKey = ["users"] as const;
export const invitationsQueryKey = ["invitations"] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersQueryKey,
    queryFn: async () => (await dataOf(api.GET("/users"))).items,
  });
}

export function useChangeUserRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      dataOf(api.PUT("/users/{userId}/role", { params: { path: { userId } }, body: { role } })),
    onSuccess: async () => {
      // An admin may have demoted themselves: the session's role decides what the console offers.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: usersQueryKey }),
        queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
      ]);
    },
  });
}

export function useRemoveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => dataOf(api.DELETE("/users/{userId}", { params: { path: { userId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}

export function useInvitations() {
  return useQuery({
    queryKey: invitationsQueryKey,
    queryFn: async () => (await dataOf(api.GET("/invitations"))).items,
  });
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: InvitationRequest) => dataOf(api.POST("/invitations", { body: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      dataOf(api.DELETE("/invitations/{invitationId}", { params: { path: { invitationId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}
