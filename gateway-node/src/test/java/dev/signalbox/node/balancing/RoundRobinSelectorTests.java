package dev.signalbox.node.balancing;

import static dev.signalbox.node.TestSnapshots.loadBalancer;
import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;

class RoundRobinSelectorTests {

    @Test
    void picksTargetsInTurn() {
        var selector = new RoundRobinSelector(List.of(target("a", 1), target("b", 2)));

        assertThat(picks(selector, 6)).isEqualTo("ababab");
    }

    @Test
    void skipsTargetsWithWeightZero() {
        var selector = new RoundRobinSelector(List.of(target("a", 1), target("drained", 2, 0), target("c", 3)));

        assertThat(picks(selector, 5)).isEqualTo("acaca");
    }

    @Test
    void startsEachTurnWithTheFirstTarget() {
        var selector = new RoundRobinSelector(List.of(target("a", 1), target("b", 2), target("c", 3)));

        assertThat(picks(selector, 7)).isEqualTo("abcabca");
    }

    @Test
    void buildsARoundRobinSelectorForARoundRobinGroup() {
        var snapshot = loadBalancer(UUID.randomUUID(), 1,
                List.of("h"), 8000, List.of(target("a", 1), target("b", 2)));

        TargetSelector selector = TargetSelector.forGroup(snapshot.targetGroups().get(0));

        assertThat(selector).isInstanceOf(RoundRobinSelector.class);
        assertThat(picks(selector, 3)).isEqualTo("aba");
    }

    @Test
    void buildsTheSelectorOfEachGroupsAlgorithm() {
        var group = loadBalancer(UUID.randomUUID(), 1, List.of("h"), 8000, List.of(target("a", 1), target("b", 2)))
                .targetGroups().get(0);
        Map<Algorithm, Class<?>> expected = Map.of(
                Algorithm.ROUND_ROBIN, RoundRobinSelector.class,
                Algorithm.WEIGHTED_ROUND_ROBIN, SmoothWeightedRoundRobinSelector.class,
                Algorithm.LEAST_CONNECTIONS, LeastConnectionsSelector.class,
                Algorithm.LEAST_RESPONSE_TIME, PeakEwmaSelector.class,
                Algorithm.CONSISTENT_HASH, ConsistentHashSelector.class,
                Algorithm.RANDOM, RandomSelector.class);
        for (Algorithm algorithm : Algorithm.values()) {
            var withAlgorithm = new TargetGroupSnapshot(group.id(), group.name(), group.protocol(), algorithm,
                    group.healthCheck(), group.targets());

            assertThat(TargetSelector.forGroup(withAlgorithm)).as("%s", algorithm)
                    .isInstanceOf(expected.get(algorithm));
        }
    }

    @Test
    void hasNoTargetWhenEveryTargetIsDrainedOrNoneIsRegistered() {
        assertThat(new RoundRobinSelector(List.of(target("a", 1, 0))).pick()).isNull();
        assertThat(new RoundRobinSelector(List.of()).pick()).isNull();
    }

    /** The hosts of {@code count} picks without a key, concatenated; "-" for no target. */
    static String picks(TargetSelector selector, int count) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TargetSnapshot picked = selector.pick();
            hosts.add(picked == null ? "-" : picked.host());
        }
        return String.join("", hosts);
    }
}
