import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, dataOf } from "../../api/client";
import type { components } from "../../api/generated/schema";
import { sessionQueryKey } from "../auth/session";

export type AcceptInvitationRequest = components["schemas"]["AcceptInvitationRequest"];

/**
 * The secret of an invitation link, `…/accept-invitation#token=…`. It travels
 * in the fragment because browsers never send that to a server, so it stays
 * out of access logs and Referer headers until this page posts it.
 */
export function invitationToken(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token ? token : undefined;
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AcceptInvitationRequest) => dataOf(api.POST("/invitations/accept", { body: request })),
    onSuccess: (session) => {
      // Someone signed in elsewhere may accept: nothing of the previous user may stay cached.
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
