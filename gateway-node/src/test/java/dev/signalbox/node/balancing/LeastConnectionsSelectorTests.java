package dev.signalbox.node.balancing;

import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.TargetSnapshot;

class LeastConnectionsSelectorTests {

    private final TargetSnapshot a = target("a", 1);
    private final TargetSnapshot b = target("b", 2);
    private final TargetSnapshot c = target("c", 3);

    @Test
    void sendsEachRequestToTheTargetWithFewestInFlight() {
        // draws 1 keep the earlier tied target: the k-th tie replaces the choice only on a draw of 0
        var script = new ScriptedRandom(1, 1, 1, 1);
        var selector = new LeastConnectionsSelector(List.of(a, b, c), script);

        assertThat(selector.pick()).isSameAs(a); // all idle: ties a-b, a-c keep a
        assertThat(selector.pick()).isSameAs(b); // b and c idle: tie b-c keeps b
        assertThat(selector.pick()).isSameAs(c); // a-b tie on one draws, then c has none in flight
        selector.release(b, 5_000_000);
        assertThat(selector.pick()).isSameAs(b); // no tie: b is the only one with none in flight
        assertThat(selector.inFlight(a)).isEqualTo(1);
        assertThat(selector.inFlight(b)).isEqualTo(1);
        assertThat(selector.inFlight(c)).isEqualTo(1);
        assertThat(script.exhausted()).as("every tie drew once").isTrue();
    }

    @Test
    void breaksTiesWithTheInjectedRandom() {
        // all idle: tie a-b draws 0 (take b), tie b-c draws 1 (keep b)
        var selector = new LeastConnectionsSelector(List.of(a, b, c), new ScriptedRandom(0, 1));

        assertThat(selector.pick()).isSameAs(b);
    }

    @Test
    void spreadsSequentialRequestsOverIdleTargetsWithASeededRandom() {
        var selector = new LeastConnectionsSelector(List.of(a, b, c), new SplittableRandom(3));
        int[] served = new int[3];

        for (int i = 0; i < 300; i++) {
            TargetSnapshot picked = selector.pick();
            served[List.of(a, b, c).indexOf(picked)]++;
            selector.release(picked, 1_000_000);
        }

        for (int count : served) {
            assertThat(count).isBetween(70, 130);
        }
        assertThat(selector.inFlight(a) + selector.inFlight(b) + selector.inFlight(c)).isZero();
    }

    @Test
    void neverCountsBelowZeroAndIgnoresTargetsOfOtherGroups() {
        var selector = new LeastConnectionsSelector(List.of(a, b), new ScriptedRandom(1));

        selector.release(a, 1);
        selector.release(target("elsewhere", 9), 1);

        assertThat(selector.inFlight(a)).isZero();
        assertThat(selector.pick()).isSameAs(a);
        assertThat(selector.inFlight(a)).isEqualTo(1);
    }

    @Test
    void skipsDrainedTargetsAndHasNoneWhenAllAreDrained() {
        var drained = target("x", 4, 0);
        var selector = new LeastConnectionsSelector(List.of(drained, a), new ScriptedRandom());

        assertThat(selector.pick()).isSameAs(a);
        assertThat(selector.pick()).isSameAs(a);
        assertThat(new LeastConnectionsSelector(List.of(drained), new ScriptedRandom()).pick()).isNull();
    }
}
