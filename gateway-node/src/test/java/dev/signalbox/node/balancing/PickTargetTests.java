package dev.signalbox.node.balancing;

import static dev.signalbox.node.TestSnapshots.target;
import static dev.signalbox.node.balancing.RoundRobinSelectorTests.picks;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.TargetSnapshot;

/** Picking a named target, as sticky sessions do, in every algorithm. */
class PickTargetTests {

    private final TargetSnapshot a = target("a", 1);
    private final TargetSnapshot b = target("b", 2);
    private final TargetSnapshot drained = target("d", 3, 0);
    private final List<TargetSnapshot> targets = List.of(a, b, drained);

    @Test
    void everyAlgorithmPicksATargetItBalancesOverAndNoOther() {
        List<TargetSelector> selectors = List.of(new RoundRobinSelector(targets),
                new SmoothWeightedRoundRobinSelector(targets), new LeastConnectionsSelector(targets, new ScriptedRandom()),
                new PeakEwmaSelector(targets, () -> 0, new ScriptedRandom(), 1_000), new ConsistentHashSelector(targets),
                new RandomSelector(targets, new ScriptedRandom()));

        for (TargetSelector selector : selectors) {
            assertThat(selector.pickTarget(b.id())).as(selector.getClass().getSimpleName()).isSameAs(b);
            assertThat(selector.pickTarget(drained.id())).as("weight 0 takes no new requests").isNull();
            assertThat(selector.pickTarget(UUID.randomUUID())).as("not in the group").isNull();
        }
        assertThat(TargetSelector.none().pickTarget(a.id())).isNull();
    }

    @Test
    void roundRobinKeepsItsTurnAcrossPinnedRequests() {
        var selector = new RoundRobinSelector(targets);

        assertThat(picks(selector, 1)).isEqualTo("a");
        selector.pickTarget(a.id());
        assertThat(picks(selector, 1)).isEqualTo("b");
    }

    @Test
    void leastConnectionsCountsAPinnedRequestUntilItIsReleased() {
        var selector = new LeastConnectionsSelector(targets, new ScriptedRandom());

        selector.pickTarget(a.id());
        selector.pickTarget(a.id());
        assertThat(selector.inFlight(a)).isEqualTo(2);
        assertThat(selector.pick()).as("b has none in flight").isSameAs(b);

        selector.release(a, 1_000);
        assertThat(selector.inFlight(a)).isEqualTo(1);
    }

    @Test
    void peakEwmaCountsAPinnedRequestInTheTargetsLoad() {
        var selector = new PeakEwmaSelector(targets, () -> 0, new ScriptedRandom(), 1_000);

        selector.pickTarget(a.id());

        assertThat(selector.load(a)).as("in flight, not measured yet").isEqualTo(PeakEwmaSelector.UNMEASURED_PENALTY_NANOS + 1);
        assertThat(selector.load(b)).isZero();
    }
}
