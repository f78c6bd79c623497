package dev.signalbox.node.balancing;

import static dev.signalbox.node.TestSnapshots.target;
import static dev.signalbox.node.balancing.RoundRobinSelectorTests.picks;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.TargetSnapshot;

class SlowStartSelectorTests {

    private static final long WINDOW = 10_000;

    private final TargetSnapshot a = target("a", 1);
    private final TargetSnapshot b = target("b", 2);
    private final TargetSnapshot r = target("r", 3);
    /** A fake clock in epoch milliseconds; every ramp here starts at 0. */
    private final AtomicLong now = new AtomicLong();

    @Test
    void aRampGrowsLinearlyFromATenthToTheFullShareOverTheWindow() {
        var selector = slowStart(new RoundRobinSelector(List.of(a, r)), new ScriptedRandom(), r);

        assertThat(selector.fraction(r, -5)).isEqualTo(100);
        assertThat(selector.fraction(r, 0)).isEqualTo(100);
        assertThat(selector.fraction(r, 5_000)).isEqualTo(550);
        assertThat(selector.fraction(r, 9_990)).isEqualTo(999);
        assertThat(selector.fraction(r, 10_000)).isEqualTo(1000);
        assertThat(selector.fraction(a, 0)).as("not ramping").isEqualTo(1000);
    }

    @Test
    void keepsAPickOfARampingTargetWithItsRampFractionAndPicksAgainOtherwise() {
        // only picks of r draw: 50 < 100 keeps it, 999 rejects it (a is picked instead), 99 < 100 keeps it
        var script = new ScriptedRandom(50, 999, 99);
        var selector = slowStart(new RoundRobinSelector(List.of(a, b, r)), script, r);

        assertThat(picks(selector, 8)).isEqualTo("abrababr");
        assertThat(script.exhausted()).isTrue();
    }

    @Test
    void theRampFractionRisesWithTime() {
        now.set(5_000);
        // at half the window r is kept below 550 thousandths: 549 keeps, 550 rejects
        var script = new ScriptedRandom(549, 550);
        var selector = slowStart(new RoundRobinSelector(List.of(a, r)), script, r);

        assertThat(picks(selector, 4)).isEqualTo("araa");
        assertThat(script.exhausted()).isTrue();
    }

    @Test
    void passesEveryPickThroughOnceTheRampsHaveEnded() {
        var script = new ScriptedRandom();
        var selector = slowStart(new RoundRobinSelector(List.of(a, b, r)), script, r);
        now.set(WINDOW);

        assertThat(picks(selector, 6)).isEqualTo("abrabr");
    }

    @Test
    void holdsARejectedPickUntilTheNextPickSoLeastConnectionsTurnsToAnotherTarget() {
        // both idle: the tie a-r draws 0 and takes r; slow start draws 500 and rejects r
        var script = new ScriptedRandom(0, 500);
        var leastConnections = new LeastConnectionsSelector(List.of(a, r), script);
        var selector = slowStart(leastConnections, script, r);

        assertThat(selector.pick()).isSameAs(a);
        assertThat(leastConnections.inFlight(a)).isEqualTo(1);
        assertThat(leastConnections.inFlight(r)).as("the rejected pick was released").isZero();
        assertThat(script.exhausted()).isTrue();
        assertThat(selector.tracksRequests()).isTrue();
    }

    @Test
    void keepsTheLastOfAtMostFourPicksWhenEveryTargetIsRamping() {
        TargetSnapshot s = target("s", 4);
        var script = new ScriptedRandom(999, 999, 999);
        var selector = slowStart(new RoundRobinSelector(List.of(r, s)), script, r, s);

        assertThat(selector.pick()).as("r, s, r rejected; the fourth pick stays").isSameAs(s);
        assertThat(script.exhausted()).isTrue();
    }

    @Test
    void picksAgainWithoutTheHashKeySoARampingOwnerSharesItsKeys() {
        var hashing = new ConsistentHashSelector(List.of(a, r));
        String keyOfR = keyOwnedBy(hashing, r);
        var selector = slowStart(hashing, new ScriptedRandom(999), r);

        assertThat(selector.pick(keyOfR)).as("rejected, then the keyless turn").isSameAs(a);
    }

    @Test
    void keepsAClientPinnedToARampingTarget() {
        var selector = slowStart(new RoundRobinSelector(List.of(a, r)), new ScriptedRandom(), r);

        assertThat(selector.pickTarget(r.id())).isSameAs(r);
    }

    @Test
    void aRampingTargetTakesAboutItsFractionOfItsShareUnderRandomSelection() {
        now.set(2_000); // fraction 280 thousandths: r's weight is 0.28 against a's 1
        var random = new SplittableRandom(7);
        var selector = slowStart(new RandomSelector(List.of(a, r), random), random, r);
        int ramped = 0;

        for (int i = 0; i < 10_000; i++) {
            ramped += selector.pick() == r ? 1 : 0;
        }

        // a pick is r's with 1/2 and kept with 0.28, else picked again, the fourth pick kept: 0.232 of
        // the picks (0.28 / 1.28 = 0.219 without the bound), give or take four standard deviations
        assertThat(ramped).isBetween(2_150, 2_490);
    }

    private SlowStartSelector slowStart(TargetSelector algorithm, RandomGenerator random,
            TargetSnapshot... ramping) {
        List<SlowStartSelector.Ramp> ramps = Arrays.stream(ramping)
                .map(target -> new SlowStartSelector.Ramp(target, 0))
                .toList();
        return new SlowStartSelector(algorithm, ramps, WINDOW, now::get, random);
    }

    private static String keyOwnedBy(ConsistentHashSelector selector, TargetSnapshot owner) {
        for (int i = 0; i < 1_000; i++) {
            if (selector.pick("key-" + i) == owner) {
                return "key-" + i;
            }
        }
        throw new IllegalStateException("no key of a thousand hashes to " + owner.host());
    }
}
