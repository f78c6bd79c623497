package dev.signalbox.node.routing;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * The requests in flight to every target the node forwards to, whatever the algorithm. A target
 * keeps its count across revisions while its registration and address stay, so a deregistered
 * target's requests can be waited for. A request costs a map lookup and its {@link InFlightRequest}.
 */
@Component
public class InFlightRequests {

    private final ConcurrentHashMap<UUID, TargetInFlight> byTarget = new ConcurrentHashMap<>();

    /**
     * Counts a request to {@code target}, picked by {@code selector}, from now until the returned
     * handle is told that the request ended; the handle then also releases the pick.
     *
     * @param cut cuts the request short when its target's deregistration delay ends
     */
    public InFlightRequest start(Runnable cut, TargetSelector selector, TargetSnapshot target,
            LongSupplier nanoClock) {
        TargetInFlight counter = byTarget.get(target.id());
        if (counter == null || !counter.isFor(target)) {
            // a new target, or one that moved: the old address's requests keep their own count
            counter = byTarget.compute(target.id(),
                    (id, known) -> known != null && known.isFor(target) ? known : new TargetInFlight(target));
        }
        InFlightRequest request = new InFlightRequest(cut, counter, selector, target, nanoClock);
        counter.add(request);
        return request;
    }

    /** Requests in flight to {@code target} (this registration at this address) now. */
    public int count(TargetSnapshot target) {
        TargetInFlight counter = of(target);
        return counter == null ? 0 : counter.count();
    }

    /** The counter of {@code target}, or null when no request was ever counted for it. */
    @Nullable TargetInFlight of(TargetSnapshot target) {
        TargetInFlight counter = byTarget.get(target.id());
        return counter != null && counter.isFor(target) ? counter : null;
    }

    /** Forgets the idle counters of targets not in {@code kept}: they are neither registered nor draining. */
    void forgetIdle(Set<UUID> kept) {
        byTarget.values().removeIf(counter -> !kept.contains(counter.targetId()) && counter.count() == 0);
    }
}
