package dev.signalbox.node.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.TargetSnapshot;

/**
 * The requests in flight to one target, across revisions. They are linked through their own
 * {@link InFlightRequest} handles, so counting one costs no allocation beyond the handle; the list
 * is what lets a deregistration delay that ends cut the requests still running.
 */
final class TargetInFlight {

    private final TargetSnapshot target;
    // guarded by this
    private int count;
    private @Nullable InFlightRequest first;
    /** Set while the target drains: runs once when its last request ends. */
    private @Nullable Runnable onDrained;

    TargetInFlight(TargetSnapshot target) {
        this.target = target;
    }

    /** Whether this counts the requests of {@code other}: the same registration at the same address. */
    boolean isFor(TargetSnapshot other) {
        return other == target
                || other.id().equals(target.id()) && other.port() == target.port() && other.host().equals(target.host());
    }

    UUID targetId() {
        return target.id();
    }

    synchronized int count() {
        return count;
    }

    synchronized void add(InFlightRequest request) {
        request.next = first;
        if (first != null) {
            first.previous = request;
        }
        first = request;
        count++;
    }

    void remove(InFlightRequest request) {
        Runnable drained = null;
        synchronized (this) {
            if (request.previous != null) {
                request.previous.next = request.next;
            } else {
                first = request.next;
            }
            if (request.next != null) {
                request.next.previous = request.previous;
            }
            request.previous = null;
            request.next = null;
            count--;
            if (count == 0 && onDrained != null) {
                drained = onDrained;
                onDrained = null;
            }
        }
        // outside the lock: the listener takes its own
        if (drained != null) {
            drained.run();
        }
    }

    /**
     * Starts draining: {@code onDrained} runs once, when the last request in flight ends.
     *
     * @return false when no request is in flight, so there is nothing to wait for
     */
    synchronized boolean drain(Runnable onDrained) {
        if (count == 0) {
            return false;
        }
        this.onDrained = onDrained;
        return true;
    }

    /** Stops draining, as when the target is registered again. */
    synchronized void stopDraining() {
        onDrained = null;
    }

    /** Stops draining and hands out how to cut each request still in flight. */
    synchronized List<Runnable> stopDrainingAndCut() {
        onDrained = null;
        List<Runnable> cuts = new ArrayList<>(count);
        for (InFlightRequest request = first; request != null; request = request.next) {
            cuts.add(request.cut);
        }
        return cuts;
    }
}
