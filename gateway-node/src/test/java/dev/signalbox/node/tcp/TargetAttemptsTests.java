package dev.signalbox.node.tcp;

import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.signalbox.node.balancing.ConsistentHashSelector;
import dev.signalbox.node.balancing.LeastConnectionsSelector;
import dev.signalbox.node.balancing.RoundRobinSelector;
import dev.signalbox.protocol.TargetSnapshot;

class TargetAttemptsTests {

    private final TargetSnapshot a = target("10.0.0.1", 7000);
    private final TargetSnapshot b = target("10.0.0.2", 7000);
    private final TargetSnapshot c = target("10.0.0.3", 7000);
    private final TargetSnapshot d = target("10.0.0.4", 7000);

    @Test
    void triesAtMostThreeDistinctTargetsInTheSelectorsOrder() {
        var attempts = new TargetAttempts(new RoundRobinSelector(List.of(a, b, c, d)), null);

        assertThat(drain(attempts)).containsExactly(a, b, c);
    }

    @Test
    void skipsATargetItTriedWhenAnotherConnectionAdvancedTheSelector() {
        var selector = new RoundRobinSelector(List.of(a, b, c));
        var attempts = new TargetAttempts(selector, null);

        assertThat(attempts.next()).isSameAs(a);
        assertThat(selector.pick()).as("another connection's pick").isSameAs(b);
        assertThat(attempts.next()).isSameAs(c);
        // round robin comes back to a, which this connection tried: it takes b instead
        assertThat(attempts.next()).isSameAs(b);
        assertThat(attempts.next()).isNull();
    }

    @Test
    void givesUpOnAGroupOfOneAfterItsTargetAndReleasesTheRepeatedPicks() {
        var selector = new LeastConnectionsSelector(List.of(a), new SplittableRandom(1));
        var attempts = new TargetAttempts(selector, null);

        assertThat(attempts.next()).isSameAs(a);
        assertThat(attempts.next()).isNull();
        // only the attempt that was handed out still counts as a connection
        assertThat(selector.inFlight(a)).isEqualTo(1);
    }

    @Test
    void hashesTheKeyForTheFirstTargetAndSpreadsTheRetriesWithoutIt() {
        List<TargetSnapshot> group = List.of(a, b, c, d);
        TargetSnapshot hashed = new ConsistentHashSelector(group).pick("192.0.2.7");
        var attempts = new TargetAttempts(new ConsistentHashSelector(group), "192.0.2.7");

        List<TargetSnapshot> tried = drain(attempts);

        assertThat(tried).hasSize(3).doesNotHaveDuplicates();
        assertThat(tried.get(0)).isEqualTo(hashed);
    }

    @Test
    void hasNoTargetForAGroupWithoutTargets() {
        assertThat(new TargetAttempts(new RoundRobinSelector(List.of()), null).next()).isNull();
    }

    private static List<TargetSnapshot> drain(TargetAttempts attempts) {
        List<TargetSnapshot> tried = new ArrayList<>();
        for (TargetSnapshot next = attempts.next(); next != null; next = attempts.next()) {
            tried.add(next);
        }
        return tried;
    }
}
