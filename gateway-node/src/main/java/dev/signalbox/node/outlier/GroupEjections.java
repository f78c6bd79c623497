package dev.signalbox.node.outlier;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.TargetSnapshot;

/**
 * The outlier state of the targets of one group. A target is ejected when it fails
 * {@code consecutiveFailures} times in a row, for the base ejection time times the number of times
 * it has been ejected, capped at the maximum; the count drops by one for every base ejection time
 * the target then spends back in rotation, so an old ejection stops weighing. A target is not
 * ejected while that would put more than the allowed share of the group out (one always may be);
 * it stays at the threshold and its next failure tries again. Failures of requests that were under
 * way while a target was ejected do not count, and an ejection starts its count afresh.
 *
 * <p>Pure: the time comes in as arguments ({@code nowNanos} from a monotonic clock, {@code now} for
 * reports). Thread-safe: changes are serialized on the instance, while the successes of targets
 * without failures, by far the most common event, take no lock.
 */
final class GroupEjections {

    /** No ejection is due to end. */
    static final long NONE = Long.MAX_VALUE;

    private static final class TargetRecord {

        final String host;
        final int port;
        volatile int failuresInARow;
        volatile @Nullable Instant ejectedUntil;
        long ejectedUntilNanos;
        int ejections;
        long returnedAtNanos;

        TargetRecord(TargetSnapshot target) {
            this.host = target.host();
            this.port = target.port();
        }

        /** The same registration may move to another address; its record then starts over. */
        boolean isAt(TargetSnapshot target) {
            return port == target.port() && host.equals(target.host());
        }
    }

    private final int consecutiveFailures;
    private final long baseEjectionNanos;
    private final long maxEjectionNanos;
    private final int maxEjectionPercent;
    private final ConcurrentHashMap<UUID, TargetRecord> targets = new ConcurrentHashMap<>();
    private int ejected;
    private long nextReturnNanos = NONE;

    GroupEjections(OutlierProperties properties) {
        this.consecutiveFailures = Math.max(1, properties.consecutiveFailures());
        this.baseEjectionNanos = Math.max(1, properties.baseEjectionTime().toNanos());
        this.maxEjectionNanos = Math.max(baseEjectionNanos, properties.maxEjectionTime().toNanos());
        this.maxEjectionPercent = properties.maxEjectionPercent();
    }

    void succeeded(TargetSnapshot target) {
        TargetRecord record = targets.get(target.id());
        if (record == null || record.failuresInARow == 0) {
            return;
        }
        synchronized (this) {
            if (record.isAt(target)) {
                record.failuresInARow = 0;
            }
        }
    }

    /**
     * Counts a failure of {@code target}, a member of a group of {@code groupSize} targets.
     *
     * @return whether this failure ejected the target
     */
    synchronized boolean failed(TargetSnapshot target, int groupSize, long nowNanos, Instant now) {
        TargetRecord record = targets.get(target.id());
        if (record == null || !record.isAt(target)) {
            record = new TargetRecord(target);
            targets.put(target.id(), record);
        }
        if (record.ejectedUntil != null) {
            return false;
        }
        record.failuresInARow++;
        if (record.failuresInARow < consecutiveFailures || ejected >= maxEjected(groupSize)) {
            return false;
        }
        if (record.ejections > 0) {
            long timesBackInRotation = (nowNanos - record.returnedAtNanos) / baseEjectionNanos;
            record.ejections = (int) Math.max(0, record.ejections - timesBackInRotation);
        }
        record.ejections++;
        long ejectionNanos = record.ejections > maxEjectionNanos / baseEjectionNanos
                ? maxEjectionNanos
                : Math.min(maxEjectionNanos, baseEjectionNanos * record.ejections);
        record.failuresInARow = 0;
        record.ejectedUntilNanos = nowNanos + ejectionNanos;
        record.ejectedUntil = now.plusNanos(ejectionNanos);
        ejected++;
        nextReturnNanos = Math.min(nextReturnNanos, record.ejectedUntilNanos);
        return true;
    }

    /**
     * Brings back the targets whose ejection has ended by {@code nowNanos}.
     *
     * @return how many came back
     */
    synchronized int returnDue(long nowNanos) {
        if (nowNanos < nextReturnNanos) {
            return 0;
        }
        int returned = 0;
        long next = NONE;
        for (TargetRecord record : targets.values()) {
            if (record.ejectedUntil == null) {
                continue;
            }
            if (nowNanos >= record.ejectedUntilNanos) {
                record.ejectedUntil = null;
                record.returnedAtNanos = record.ejectedUntilNanos;
                ejected--;
                returned++;
            } else {
                next = Math.min(next, record.ejectedUntilNanos);
            }
        }
        nextReturnNanos = next;
        return returned;
    }

    /** When the earliest ejection of the group ends, on the monotonic clock; {@link #NONE} if none is ejected. */
    synchronized long nextReturnNanos() {
        return nextReturnNanos;
    }

    boolean isEjected(TargetSnapshot target) {
        return ejectedUntil(target) != null;
    }

    /** Until when the target is ejected, or null when it is not. */
    @Nullable Instant ejectedUntil(TargetSnapshot target) {
        TargetRecord record = targets.get(target.id());
        return record == null || !record.isAt(target) ? null : record.ejectedUntil;
    }

    /**
     * Forgets every target that is not among {@code registered}.
     *
     * @return whether an ejected target was forgotten, which changes what selection may use
     */
    synchronized boolean retainOnly(Collection<TargetSnapshot> registered) {
        Map<UUID, TargetSnapshot> byId = new HashMap<>();
        for (TargetSnapshot target : registered) {
            byId.put(target.id(), target);
        }
        boolean ejectedForgotten = false;
        var iterator = targets.entrySet().iterator();
        while (iterator.hasNext()) {
            var entry = iterator.next();
            TargetSnapshot target = byId.get(entry.getKey());
            if (target == null || !entry.getValue().isAt(target)) {
                if (entry.getValue().ejectedUntil != null) {
                    ejected--;
                    ejectedForgotten = true;
                }
                iterator.remove();
            }
        }
        return ejectedForgotten;
    }

    boolean isEmpty() {
        return targets.isEmpty();
    }

    private int maxEjected(int groupSize) {
        return Math.max(1, groupSize * maxEjectionPercent / 100);
    }
}
