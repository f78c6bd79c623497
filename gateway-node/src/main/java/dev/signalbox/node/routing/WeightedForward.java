package dev.signalbox.node.routing;

import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

/**
 * A forward split over target groups: each request goes to one group, drawn with probability
 * proportional to its weight. With group stickiness, the decision is {@link RoutingDecision.StickyGroups}
 * and {@link StickySessions} draws only for clients without a group yet.
 */
public final class WeightedForward implements RuleAction {

    private final RoutingDecision.Forward[] forwards;
    /** cumulativeWeights[i] is the sum of the weights of forwards 0..i. */
    private final int[] cumulativeWeights;
    private final RandomGenerator random;
    private final RoutingDecision.@Nullable StickyGroups sticky;

    /**
     * @param forwards          one per group with a positive weight, in the snapshot's order
     * @param weights           their weights, all positive
     * @param stickinessSeconds how long a client stays on its group; null or not positive for no group stickiness
     */
    WeightedForward(List<RoutingDecision.Forward> forwards, List<Integer> weights, @Nullable Integer stickinessSeconds,
            RandomGenerator random) {
        if (forwards.size() < 2 || forwards.size() != weights.size()) {
            throw new IllegalArgumentException("a weighted forward needs one positive weight per group, two or more");
        }
        this.forwards = forwards.toArray(RoutingDecision.Forward[]::new);
        this.cumulativeWeights = new int[weights.size()];
        int sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            if (weights.get(i) <= 0) {
                throw new IllegalArgumentException("weights must be positive: " + weights);
            }
            sum += weights.get(i);
            cumulativeWeights[i] = sum;
        }
        this.random = random;
        this.sticky = stickinessSeconds == null || stickinessSeconds <= 0 ? null
                : new RoutingDecision.StickyGroups(this.forwards[0].loadBalancerId(), this, stickinessSeconds);
    }

    @Override
    public RoutingDecision decide() {
        return sticky != null ? sticky : draw();
    }

    /** The forward of a group drawn by weight. */
    RoutingDecision.Forward draw() {
        int draw = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (draw < cumulativeWeights[i]) {
                return forwards[i];
            }
        }
        // unreachable: the draw is below the total
        return forwards[forwards.length - 1];
    }

    /** The forward to group {@code groupId} if this split has it, else null. */
    RoutingDecision.@Nullable Forward forwardTo(UUID groupId) {
        for (RoutingDecision.Forward forward : forwards) {
            if (forward.group() != null && forward.group().id().equals(groupId)) {
                return forward;
            }
        }
        return null;
    }
}
