import type { Action } from "./loadBalancers";

/**
 * An action in one line, as a listener table shows it: "Forward to web",
 * "Forward to web (weight 9), canary (weight 1), sticky for 300 s",
 * "Redirect 301 to HTTPS://#{host}:443/#{path}?#{query}", "Fixed response 503".
 * Target groups are named by `groupNames` (id → name).
 */
export function describeAction(action: Action, groupNames: ReadonlyMap<string, string>): string {
  switch (action.type) {
    case "FORWARD":
      return describeForward(action, groupNames);
    case "REDIRECT":
      return action.redirect === undefined ? "Redirect" : describeRedirect(action.redirect);
    case "FIXED_RESPONSE":
      return action.fixedResponse === undefined ? "Fixed response" : `Fixed response ${action.fixedResponse.statusCode}`;
  }
}

function describeForward(action: Action, groupNames: ReadonlyMap<string, string>): string {
  const nameOf = (targetGroupId: string) => groupNames.get(targetGroupId) ?? targetGroupId;
  const groups = action.targetGroups ?? [];
  // The API gives a forward to one group both ways: as targetGroupId and as a one-entry list.
  if (groups.length <= 1) {
    const only = action.targetGroupId ?? groups[0]?.targetGroupId;
    return only === undefined ? "Forward" : `Forward to ${nameOf(only)}`;
  }
  const weighted = groups.map((group) => `${nameOf(group.targetGroupId)} (weight ${group.weight})`).join(", ");
  const stickiness = action.stickinessSeconds === undefined ? "" : `, sticky for ${action.stickinessSeconds} s`;
  return `Forward to ${weighted}${stickiness}`;
}

// Parts the redirect keeps from the request read as the API's placeholders, e.g. "#{host}".
function describeRedirect({ statusCode, protocol, host, port, path, query }: NonNullable<Action["redirect"]>): string {
  return `Redirect ${statusCode} to ${protocol}://${host}:${port}${path}${query === "" ? "" : `?${query}`}`;
}
