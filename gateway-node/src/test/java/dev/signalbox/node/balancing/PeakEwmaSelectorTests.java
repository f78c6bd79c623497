package dev.signalbox.node.balancing;

import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.TargetSnapshot;

class PeakEwmaSelectorTests {

    private static final long MS = 1_000_000;
    private static final long DECAY = 10_000 * MS;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final TargetSnapshot a = target("a", 1);
    private final TargetSnapshot b = target("b", 2);
    private final TargetSnapshot c = target("c", 3);

    @Test
    void takesTheFasterOfTheTwoChoicesEveryTime() {
        var selector = new PeakEwmaSelector(List.of(a, b), clock::get, new SplittableRandom(11), DECAY);
        measure(selector, a, 10 * MS);
        measure(selector, b, 100 * MS);

        StringBuilder picks = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            TargetSnapshot picked = selector.pick();
            picks.append(picked.host());
            clock.addAndGet(MS);
            selector.release(picked, 10 * MS);
        }

        assertThat(picks).hasToString("aaaaaaaa");
    }

    @Test
    void comparesOnlyTheTwoDrawnTargets() {
        // c is fastest, but the script draws a (index 0) and then b (index 0 of the others, shifted past a)
        var selector = new PeakEwmaSelector(List.of(a, b, c), clock::get, new ScriptedRandom(0, 0, 2, 0), DECAY);
        selector.release(a, 30 * MS);
        selector.release(b, 20 * MS);
        selector.release(c, 1 * MS);

        assertThat(selector.pick()).isSameAs(b);
        // draws c (2) and a (0): c wins
        assertThat(selector.pick()).isSameAs(c);
    }

    @Test
    void jumpsToASlowResponseAtOnceAndDecaysOverTheWindow() {
        var selector = new PeakEwmaSelector(List.of(a), clock::get, new ScriptedRandom(), DECAY);
        selector.release(a, 10 * MS);
        clock.addAndGet(1);
        selector.release(a, 50 * MS);

        assertThat(selector.load(a)).isCloseTo(50.0 * MS, within(1.0));

        clock.addAndGet(DECAY);

        assertThat(selector.load(a)).isCloseTo(50.0 * MS * Math.exp(-1), within(10.0));
    }

    @Test
    void blendsAFasterResponseIntoTheAverageByTheTimeSinceTheLast() {
        var selector = new PeakEwmaSelector(List.of(a), clock::get, new ScriptedRandom(), DECAY);
        selector.release(a, 40 * MS);

        clock.addAndGet(DECAY);
        selector.release(a, 10 * MS);

        double keep = Math.exp(-1);
        assertThat(selector.load(a)).isCloseTo(40.0 * MS * keep + 10.0 * MS * (1 - keep), within(10.0));
    }

    @Test
    void chargesRequestsInFlight() {
        // both draws compare a (index 0) with b
        var selector = new PeakEwmaSelector(List.of(a, b), clock::get, new ScriptedRandom(0, 0, 0, 0, 0, 0), DECAY);
        selector.release(a, 10 * MS);
        selector.release(b, 25 * MS);

        assertThat(selector.pick()).isSameAs(a); // a 10 ms x 1 < b 25 ms x 1
        assertThat(selector.pick()).isSameAs(a); // a 10 ms x 2 < b 25
        assertThat(selector.pick()).isSameAs(b); // a 10 ms x 3 > b 25
        assertThat(selector.load(a)).isCloseTo(30.0 * MS, within(1.0)); // 10 ms x (2 in flight + 1)
    }

    @Test
    void penalisesATargetWithRequestsInFlightButNoMeasuredResponse() {
        var selector = new PeakEwmaSelector(List.of(a, b), clock::get, new ScriptedRandom(0, 0, 0, 0), DECAY);
        selector.release(b, 500 * MS);

        assertThat(selector.pick()).isSameAs(a); // a unmeasured and idle: load 0
        assertThat(selector.load(a)).isEqualTo(PeakEwmaSelector.UNMEASURED_PENALTY_NANOS + 1);
        assertThat(selector.pick()).isSameAs(b); // 500 ms beats the penalty
    }

    @Test
    void servesASingleTargetWithoutDrawingAndNoneWhenAllAreDrained() {
        var script = new ScriptedRandom();
        var selector = new PeakEwmaSelector(List.of(a, target("x", 9, 0)), clock::get, script, DECAY);

        assertThat(selector.pick()).isSameAs(a);
        assertThat(new PeakEwmaSelector(List.of(), clock::get, script, DECAY).pick()).isNull();
    }

    private void measure(PeakEwmaSelector selector, TargetSnapshot target, long latency) {
        clock.addAndGet(MS);
        selector.release(target, latency);
    }
}
