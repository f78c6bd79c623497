package dev.signalbox.node.balancing;

import static dev.signalbox.node.TestSnapshots.target;
import static dev.signalbox.node.balancing.RoundRobinSelectorTests.picks;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SmoothWeightedRoundRobinSelectorTests {

    @Test
    void spreadsWeightsFiveOneOneAsNginxDoes() {
        var selector = new SmoothWeightedRoundRobinSelector(
                List.of(target("a", 1, 5), target("b", 2, 1), target("c", 3, 1)));

        assertThat(picks(selector, 14)).isEqualTo("aabacaa" + "aabacaa");
    }

    @Test
    void givesEqualWeightsPlainRoundRobin() {
        var selector = new SmoothWeightedRoundRobinSelector(List.of(target("a", 1, 3), target("b", 2, 3)));

        assertThat(picks(selector, 6)).isEqualTo("ababab");
    }

    @Test
    void interleavesUnevenWeightsWithinEachCycle() {
        var selector = new SmoothWeightedRoundRobinSelector(List.of(target("a", 1, 2), target("b", 2, 3)));

        assertThat(picks(selector, 10)).isEqualTo("babab" + "babab");
    }

    @Test
    void skipsDrainedTargetsAndHasNoneWhenAllAreDrained() {
        var selector = new SmoothWeightedRoundRobinSelector(
                List.of(target("a", 1, 2), target("x", 2, 0), target("c", 3, 1)));

        assertThat(picks(selector, 6)).isEqualTo("acaaca");
        assertThat(new SmoothWeightedRoundRobinSelector(List.of(target("x", 1, 0))).pick()).isNull();
    }
}
