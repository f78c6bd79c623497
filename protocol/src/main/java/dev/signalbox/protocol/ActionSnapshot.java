package dev.signalbox.protocol;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a listener or rule does with a request.
 *
 * @param type               the kind of action
 * @param targetGroups       for {@link ActionType#FORWARD}: target groups with their relative weights
 * @param stickinessSeconds  for a forward to several groups: how long a client sticks to the group it
 *                           was sent to first, or null for no group stickiness
 * @param redirect           for {@link ActionType#REDIRECT}: the redirect to answer with
 * @param fixedResponse      for {@link ActionType#FIXED_RESPONSE}: the answer
 */
public record ActionSnapshot(
        ActionType type,
        List<WeightedTargetGroup> targetGroups,
        @Nullable Integer stickinessSeconds,
        @Nullable RedirectSnapshot redirect,
        @Nullable FixedResponseSnapshot fixedResponse) {

    public ActionSnapshot {
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        if (type == null) {
            type = ActionType.UNKNOWN;
        }
    }

    /** An action without the fields added after schema version 1's first release. */
    public ActionSnapshot(ActionType type, List<WeightedTargetGroup> targetGroups) {
        this(type, targetGroups, null, null, null);
    }

    /** A forward to a single target group. */
    public static ActionSnapshot forward(UUID targetGroupId) {
        return new ActionSnapshot(ActionType.FORWARD, List.of(new WeightedTargetGroup(targetGroupId, 1)));
    }

    /** A forward split over weighted target groups, with optional group stickiness. */
    public static ActionSnapshot forward(List<WeightedTargetGroup> targetGroups, @Nullable Integer stickinessSeconds) {
        return new ActionSnapshot(ActionType.FORWARD, targetGroups, stickinessSeconds, null, null);
    }

    public static ActionSnapshot redirect(RedirectSnapshot redirect) {
        return new ActionSnapshot(ActionType.REDIRECT, List.of(), null, redirect, null);
    }

    public static ActionSnapshot fixedResponse(FixedResponseSnapshot fixedResponse) {
        return new ActionSnapshot(ActionType.FIXED_RESPONSE, List.of(), null, null, fixedResponse);
    }
}
