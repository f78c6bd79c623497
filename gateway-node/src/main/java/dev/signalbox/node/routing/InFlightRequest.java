package dev.signalbox.node.routing;

import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * One request to a target, from its pick until the target answered or the attempt failed: the one
 * object counting it costs. It is its own node in its target's list.
 */
public final class InFlightRequest {

    /** Cuts the request short, as when its target's deregistration delay ends. */
    final Runnable cut;
    private final TargetInFlight owner;
    /** Null when the selector does not track requests. */
    private final @Nullable TargetSelector selector;
    private final TargetSnapshot target;
    private final LongSupplier nanoClock;
    private final long startNanos;
    // guarded by the owner
    @Nullable InFlightRequest previous;
    @Nullable InFlightRequest next;

    InFlightRequest(Runnable cut, TargetInFlight owner, TargetSelector selector, TargetSnapshot target,
            LongSupplier nanoClock) {
        this.cut = cut;
        this.owner = owner;
        this.selector = selector.tracksRequests() ? selector : null;
        this.target = target;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /**
     * The request ended: answered, failed or abandoned. Releases its pick with the time it took;
     * call exactly once.
     */
    public void end() {
        if (selector != null) {
            selector.release(target, nanoClock.getAsLong() - startNanos);
        }
        owner.remove(this);
    }
}
