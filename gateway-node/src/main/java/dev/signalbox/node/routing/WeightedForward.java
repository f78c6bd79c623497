package dev.signalbox.node.routing;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A forward split over target groups: each request goes to one group, drawn with probability
 * proportional to its weight. Group stickiness is not applied yet: every request draws afresh.
 */
final class WeightedForward implements RuleAction {

    private final RoutingDecision.Forward[] forwards;
    /** cumulativeWeights[i] is the sum of the weights of forwards 0..i. */
    private final int[] cumulativeWeights;
    private final RandomGenerator random;

    /**
     * @param forwards one per group with a positive weight, in the snapshot's order
     * @param weights  their weights, all positive
     */
    WeightedForward(List<RoutingDecision.Forward> forwards, List<Integer> weights, RandomGenerator random) {
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
    }

    @Override
    public RoutingDecision decide() {
        int draw = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (draw < cumulativeWeights[i]) {
                return forwards[i];
            }
        }
        // unreachable: the draw is below the total
        return forwards[forwards.length - 1];
    }
}
