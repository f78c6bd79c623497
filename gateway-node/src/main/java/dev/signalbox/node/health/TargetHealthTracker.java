package dev.signalbox.node.health;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The health state machine of one target. Thresholds give hysteresis: a target changes state only
 * after that many probes in a row disagree with it. Thresholds are passed with each result, so a
 * new revision with other thresholds keeps the target's state and counts. Pure: the time comes
 * from the probe results.
 */
final class TargetHealthTracker {

    private final int historySize;
    private final ArrayDeque<ProbeResult> recent;
    private HealthState state = HealthState.INITIAL;
    private @Nullable HealthReason reason = HealthReason.INITIAL_HEALTH_CHECKING;
    private Instant since;
    private int successesInARow;
    private int failuresInARow;
    /** When the target's slow start began; null when it is not ramping up. */
    private @Nullable Instant slowStartSince;

    TargetHealthTracker(Instant registeredAt, int historySize) {
        this.since = registeredAt;
        this.historySize = Math.max(1, historySize);
        this.recent = new ArrayDeque<>(this.historySize);
    }

    /** Records a probe; true when the state changed. */
    synchronized boolean record(ProbeResult result, int healthyThreshold, int unhealthyThreshold) {
        if (recent.size() == historySize) {
            recent.removeFirst();
        }
        recent.addLast(result);
        HealthReason failure = result.outcome().failureReason();
        if (failure == null) {
            failuresInARow = 0;
            successesInARow++;
            if (state != HealthState.HEALTHY && successesInARow >= Math.max(1, healthyThreshold)) {
                return enter(HealthState.HEALTHY, null, result.at());
            }
            return false;
        }
        successesInARow = 0;
        failuresInARow++;
        if (state == HealthState.UNHEALTHY) {
            // the reason follows the latest failure, as the cause may change while the target is down
            reason = failure;
            return false;
        }
        if (failuresInARow >= Math.max(1, unhealthyThreshold)) {
            return enter(HealthState.UNHEALTHY, failure, result.at());
        }
        return false;
    }

    synchronized HealthState state() {
        return state;
    }

    synchronized @Nullable Instant slowStartSince() {
        return slowStartSince;
    }

    /** Starts the target's slow start at {@code at}; an unhealthy verdict ends it. */
    synchronized void startSlowStart(Instant at) {
        slowStartSince = at;
    }

    synchronized TargetHealth health() {
        return new TargetHealth(state, reason, since, List.copyOf(recent));
    }

    private boolean enter(HealthState next, @Nullable HealthReason nextReason, Instant at) {
        if (next == HealthState.UNHEALTHY) {
            slowStartSince = null;
        }
        state = next;
        reason = nextReason;
        since = at;
        return true;
    }
}
