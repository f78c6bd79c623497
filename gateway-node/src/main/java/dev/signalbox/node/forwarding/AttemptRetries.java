package dev.signalbox.node.forwarding;

import org.jspecify.annotations.Nullable;

import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.node.retry.AttemptFailure;
import dev.signalbox.node.retry.RetryBudget;
import dev.signalbox.node.retry.RetryRule;
import dev.signalbox.protocol.TargetSnapshot;
import io.netty.handler.codec.http.HttpMethod;

/**
 * Whether a failed attempt of a request is tried again, and on which target: {@link RetryRule}
 * decides, the group's {@link RetryBudget} must grant it, and the retry goes to another target
 * than the one that failed whenever the selector yields one.
 *
 * @param selector     the forward's selector
 * @param budget       the group's retry budget
 * @param groupRetries the group's retries setting
 */
record AttemptRetries(TargetSelector selector, RetryBudget budget, int groupRetries) {

    /**
     * How many picks a retry may make to find a target other than the one that failed. Round robin and
     * hashing move on at the first pick, the in-flight counting algorithms within a few; random with
     * two targets gives up with a chance of one in 2^32.
     */
    static final int MAX_PICKS_FOR_ANOTHER = 32;

    boolean allows(AttemptFailure failure, HttpMethod method, boolean hasBody, int retriesDone) {
        return RetryRule.allows(failure, method.name(), hasBody, retriesDone, groupRetries) && budget.tryWithdraw();
    }

    /**
     * A target other than {@code failed} whenever the selector yields one within a few picks. Retries
     * carry no hash key, so hashing selectors move on to another target instead of the same again.
     */
    @Nullable TargetSnapshot pickAnother(TargetSnapshot failed) {
        TargetSnapshot candidate = selector.pick(null);
        int discarded = 0;
        while (failed.equals(candidate) && discarded + 1 < MAX_PICKS_FOR_ANOTHER) {
            discarded++;
            candidate = selector.pick(null);
        }
        if (selector.tracksRequests()) {
            // every discarded pick was the failed target, counted as busy until now
            for (int i = 0; i < discarded; i++) {
                selector.release(failed, 0);
            }
        }
        return candidate;
    }
}
