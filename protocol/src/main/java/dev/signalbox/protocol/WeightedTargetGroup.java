package dev.signalbox.protocol;

import java.util.UUID;

/**
 * A target group in a forward action.
 *
 * @param targetGroupId the target group
 * @param weight        relative share of requests, 0 to 999
 */
public record WeightedTargetGroup(UUID targetGroupId, int weight) {
}
