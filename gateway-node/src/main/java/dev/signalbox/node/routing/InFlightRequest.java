package dev.signalbox.node.routing;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.protocol.TargetSnapshot;
import reactor.core.publisher.SignalType;

/**
 * One request to a target, from its pick to the end of its exchange: the one object counting it
 * costs. It is its own callback for the exchange's end and its own node in its target's list.
 */
final class InFlightRequest implements Consumer<SignalType> {

    final ServerWebExchange exchange;
    private final TargetInFlight owner;
    /** Null when the selector does not track requests. */
    private final @Nullable TargetSelector selector;
    private final TargetSnapshot target;
    private final LongSupplier nanoClock;
    private final long startNanos;
    // guarded by the owner
    @Nullable InFlightRequest previous;
    @Nullable InFlightRequest next;

    InFlightRequest(ServerWebExchange exchange, TargetInFlight owner, TargetSelector selector, TargetSnapshot target,
            LongSupplier nanoClock) {
        this.exchange = exchange;
        this.owner = owner;
        this.selector = selector.tracksRequests() ? selector : null;
        this.target = target;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** The request ended: written, failed or cancelled. Runs exactly once per request. */
    @Override
    public void accept(SignalType signal) {
        if (selector != null) {
            selector.release(target, nanoClock.getAsLong() - startNanos);
        }
        owner.remove(this);
    }
}
