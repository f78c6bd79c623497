package dev.signalbox.node.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.signalbox.node.balancing.ConsistentHashSelector;
import dev.signalbox.node.balancing.LeastConnectionsSelector;
import dev.signalbox.node.balancing.RoundRobinSelector;
import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.node.retry.AttemptFailure;
import dev.signalbox.node.retry.RetryBudget;
import dev.signalbox.protocol.TargetSnapshot;
import io.netty.handler.codec.http.HttpMethod;

class AttemptRetriesTests {

    private final TargetSnapshot a = new TargetSnapshot(UUID.randomUUID(), "10.0.0.1", 8080, 1);
    private final TargetSnapshot b = new TargetSnapshot(UUID.randomUUID(), "10.0.0.2", 8080, 1);
    private final TargetSnapshot c = new TargetSnapshot(UUID.randomUUID(), "10.0.0.3", 8080, 1);
    /** Far more than any test spends. */
    private final RetryBudget ample = new RetryBudget(Duration.ofSeconds(10), 20, 10, () -> 0L);

    @Test
    void retriesAConnectFailureOnceEvenWhenTheGroupAllowsNoRetries() {
        var retries = new AttemptRetries(TargetSelector.none(), ample, 0);

        assertThat(retries.allows(AttemptFailure.CONNECT_FAILED, HttpMethod.GET, false, 0)).isTrue();
        assertThat(retries.allows(AttemptFailure.CONNECT_TIMEOUT, HttpMethod.GET, false, 0)).isTrue();
        assertThat(retries.allows(AttemptFailure.CONNECT_FAILED, HttpMethod.GET, false, 1)).isFalse();
    }

    @Test
    void retriesAConnectFailureOfARequestWithABodyAsOftenAsTheGroupAllows() {
        var retries = new AttemptRetries(TargetSelector.none(), ample, 3);

        for (int retriesDone = 0; retriesDone < 3; retriesDone++) {
            assertThat(retries.allows(AttemptFailure.CONNECT_FAILED, HttpMethod.POST, true, retriesDone))
                    .as("retry %d", retriesDone + 1).isTrue();
        }
        assertThat(retries.allows(AttemptFailure.CONNECT_FAILED, HttpMethod.POST, true, 3)).isFalse();
    }

    @Test
    void retriesABrokenConnectionOnlyForAnIdempotentRequestWithoutBodyInAGroupThatAllowsRetries() {
        var retrying = new AttemptRetries(TargetSelector.none(), ample, 1);
        var notRetrying = new AttemptRetries(TargetSelector.none(), ample, 0);

        assertThat(retrying.allows(AttemptFailure.CONNECTION_BROKEN, HttpMethod.GET, false, 0)).isTrue();
        assertThat(retrying.allows(AttemptFailure.CONNECTION_BROKEN, HttpMethod.GET, false, 1)).isFalse();
        assertThat(retrying.allows(AttemptFailure.CONNECTION_BROKEN, HttpMethod.PUT, true, 0)).isFalse();
        assertThat(retrying.allows(AttemptFailure.CONNECTION_BROKEN, HttpMethod.POST, false, 0)).isFalse();
        assertThat(notRetrying.allows(AttemptFailure.CONNECTION_BROKEN, HttpMethod.GET, false, 0)).isFalse();
    }

    @Test
    void neverRetriesAResponseTimeoutOrAFaultOfTheNode() {
        var retries = new AttemptRetries(TargetSelector.none(), ample, 5);

        assertThat(retries.allows(AttemptFailure.RESPONSE_TIMEOUT, HttpMethod.GET, false, 0)).isFalse();
        assertThat(retries.allows(AttemptFailure.OTHER, HttpMethod.GET, false, 0)).isFalse();
    }

    @Test
    void theGroupsBudgetMustGrantEveryRetryAndIsSpentOnlyOnRetriesTheRuleAllows() {
        // a reserve of one retry per second over a one-second window, and nothing earned by requests
        var oneRetry = new RetryBudget(Duration.ofSeconds(1), 0, 1, () -> 0L);
        var retries = new AttemptRetries(TargetSelector.none(), oneRetry, 5);

        assertThat(retries.allows(AttemptFailure.RESPONSE_TIMEOUT, HttpMethod.GET, false, 0)).isFalse();
        assertThat(retries.allows(AttemptFailure.CONNECT_FAILED, HttpMethod.GET, false, 0))
                .as("the refused retry took nothing").isTrue();
        assertThat(retries.allows(AttemptFailure.CONNECT_FAILED, HttpMethod.GET, false, 0))
                .as("the budget is spent").isFalse();
    }

    @Test
    void anEmptyBudgetStopsRetries() {
        var empty = new RetryBudget(Duration.ofSeconds(10), 0, 0, () -> 0L);

        assertThat(new AttemptRetries(TargetSelector.none(), empty, 5)
                .allows(AttemptFailure.CONNECT_FAILED, HttpMethod.GET, false, 0)).isFalse();
    }

    @Test
    void aRetryGoesToTheNextTargetNeverTheSameTwiceInARow() {
        var selector = new RoundRobinSelector(List.of(a, b, c));
        var retries = new AttemptRetries(selector, ample, 3);
        TargetSnapshot first = selector.pick();

        TargetSnapshot second = retries.pickAnother(first);
        TargetSnapshot third = retries.pickAnother(second);
        TargetSnapshot fourth = retries.pickAnother(third);

        assertThat(List.of(first, second, third, fourth)).containsExactly(a, b, c, a);
    }

    @Test
    void skipsPicksOfTheFailedTargetAndPicksWithoutAHashKey() {
        var selector = new ScriptedSelector(false, a, a, b, c);

        assertThat(new AttemptRetries(selector, ample, 1).pickAnother(a)).isSameAs(b);

        assertThat(selector.keys).containsExactly(null, null, null);
        assertThat(selector.released).isEmpty();
    }

    @Test
    void givesUpLookingForAnotherTargetAfterMaxPicksAndRetriesTheFailedOne() {
        var selector = new ScriptedSelector(false, a);

        assertThat(new AttemptRetries(selector, ample, 1).pickAnother(a)).isSameAs(a);

        assertThat(selector.keys).hasSize(AttemptRetries.MAX_PICKS_FOR_ANOTHER);
    }

    @Test
    void retriesTheOnlyTargetOfAGroupAgain() {
        var selector = new RoundRobinSelector(List.of(a));

        assertThat(new AttemptRetries(selector, ample, 1).pickAnother(selector.pick())).isSameAs(a);
    }

    @Test
    void hasNoTargetForARetryWhenTheSelectorHasNone() {
        assertThat(new AttemptRetries(TargetSelector.none(), ample, 1).pickAnother(a)).isNull();
    }

    @Test
    void releasesTheDiscardedPicksOfASelectorThatTracksRequests() {
        var selector = new ScriptedSelector(true, a, a, a, b);

        assertThat(new AttemptRetries(selector, ample, 1).pickAnother(a)).isSameAs(b);

        assertThat(selector.released).containsExactly(a, a, a);
    }

    @Test
    void releasesEveryDiscardedPickOfAGivenUpSearch() {
        var selector = new ScriptedSelector(true, a);

        assertThat(new AttemptRetries(selector, ample, 1).pickAnother(a)).isSameAs(a);

        // the last pick is the retry's own, released when the retry ends
        assertThat(selector.released).hasSize(AttemptRetries.MAX_PICKS_FOR_ANOTHER - 1).containsOnly(a);
    }

    @Test
    void leavesALeastConnectionsSelectorCountingOnlyTheFailedAttemptAndTheRetry() {
        var selector = new LeastConnectionsSelector(List.of(a, b), new LaterOfTies());
        for (int i = 0; i < 3; i++) {
            selector.pickTarget(b.id()); // requests of other clients
        }
        TargetSnapshot failed = selector.pickTarget(a.id());

        // a is picked twice more (2 and 3 in flight) before it ties with b and the tie goes to b
        TargetSnapshot retry = new AttemptRetries(selector, ample, 1).pickAnother(failed);

        assertThat(retry).isSameAs(b);
        assertThat(selector.inFlight(a)).as("the failed attempt, released when it ends").isOne();
        assertThat(selector.inFlight(b)).isEqualTo(4);
    }

    @Test
    void aRetryOfAHashedRequestGoesToAnotherTargetThanTheKeysOwn() {
        var selector = new ConsistentHashSelector(List.of(a, b, c));
        var retries = new AttemptRetries(selector, ample, 2);
        TargetSnapshot owner = selector.pick("ada");

        TargetSnapshot second = retries.pickAnother(owner);
        TargetSnapshot third = retries.pickAnother(second);

        assertThat(second).isNotNull().isNotEqualTo(owner);
        assertThat(third).isNotNull().isNotEqualTo(second);
    }

    /** Picks the given targets in order, then the last one again and again; records keys and releases. */
    private static final class ScriptedSelector implements TargetSelector {

        private final boolean tracksRequests;
        private final TargetSnapshot[] picks;
        final List<@Nullable String> keys = new ArrayList<>();
        final List<TargetSnapshot> released = new ArrayList<>();

        ScriptedSelector(boolean tracksRequests, TargetSnapshot... picks) {
            this.tracksRequests = tracksRequests;
            this.picks = picks;
        }

        @Override
        public TargetSnapshot pick(@Nullable String key) {
            keys.add(key);
            return picks[Math.min(keys.size(), picks.length) - 1];
        }

        @Override
        public boolean tracksRequests() {
            return tracksRequests;
        }

        @Override
        public void release(TargetSnapshot target, long latencyNanos) {
            assertThat(latencyNanos).as("a discarded pick took no time").isZero();
            released.add(target);
        }
    }

    /** Draws 0 every time, which breaks a tie of least connections towards the later target. */
    private static final class LaterOfTies implements RandomGenerator {

        @Override
        public int nextInt(int bound) {
            return 0;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("least connections draws bounded ints only");
        }
    }
}
