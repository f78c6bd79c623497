package dev.signalbox.protocol;

import java.util.List;
import java.util.UUID;

/**
 * What a listener does with a request.
 *
 * @param type         the kind of action
 * @param targetGroups for {@link ActionType#FORWARD}: target groups with their relative weights
 */
public record ActionSnapshot(ActionType type, List<WeightedTargetGroup> targetGroups) {

    public ActionSnapshot {
        targetGroups = List.copyOf(targetGroups);
    }

    /** A forward to a single target group. */
    public static ActionSnapshot forward(UUID targetGroupId) {
        return new ActionSnapshot(ActionType.FORWARD, List.of(new WeightedTargetGroup(targetGroupId, 1)));
    }
}
