package dev.signalbox.node.routing;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.signalbox.node.balancing.GroupSelectorFactory;

/**
 * The config the node serves right now. Requests read it without locks; a new config replaces it
 * in one atomic swap, and requests already under way keep the index they started with.
 */
@Component
public class ActiveConfig {

    private final AtomicReference<AppliedConfig> current = new AtomicReference<>(AppliedConfig.EMPTY);
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GroupSelectorFactory selectors;

    public ActiveConfig(ApplicationEventPublisher events, Clock clock, GroupSelectorFactory selectors) {
        this.events = events;
        this.clock = clock;
        this.selectors = selectors;
    }

    public AppliedConfig current() {
        return current.get();
    }

    public RoutingIndex routingIndex() {
        return current.get().routingIndex();
    }

    /** Applies changes as one swap and announces it with {@link ConfigApplied} if anything took effect. */
    public synchronized void apply(List<ConfigChange> changes) {
        AppliedConfig previous = current.get();
        AppliedConfig next = previous.apply(changes, clock.instant(), selectors);
        if (next != previous) {
            current.set(next);
            events.publishEvent(new ConfigApplied(next));
        }
    }
}
