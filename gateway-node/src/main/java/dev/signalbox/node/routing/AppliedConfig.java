package dev.signalbox.node.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.protocol.AppliedRevision;
import dev.signalbox.protocol.LoadBalancerSnapshot;

/**
 * Everything the node serves at one moment: the applied load balancers and the routing index built
 * from exactly those. Immutable; applying changes yields a new instance, so a reader never sees half
 * a config.
 */
public final class AppliedConfig {

    public static final AppliedConfig EMPTY = new AppliedConfig(Map.of(), RoutingIndex.EMPTY);

    private static final Logger log = LoggerFactory.getLogger(AppliedConfig.class);

    private final Map<UUID, AppliedLoadBalancer> loadBalancers;
    private final RoutingIndex routingIndex;

    private AppliedConfig(Map<UUID, AppliedLoadBalancer> loadBalancers, RoutingIndex routingIndex) {
        this.loadBalancers = loadBalancers;
        this.routingIndex = routingIndex;
    }

    /**
     * The config after {@code changes}, in order: a snapshot replaces its load balancer only if its
     * revision is newer than the applied one; a deletion removes it.
     *
     * @return this instance when no change took effect
     */
    public AppliedConfig apply(List<ConfigChange> changes, Instant now) {
        return apply(changes, now, GroupSelectorFactory.PLAIN);
    }

    /** As {@link #apply(List, Instant)}, with the selector of each target group built by {@code selectors}. */
    public AppliedConfig apply(List<ConfigChange> changes, Instant now, GroupSelectorFactory selectors) {
        Map<UUID, AppliedLoadBalancer> next = new HashMap<>(loadBalancers);
        boolean changed = false;
        for (ConfigChange change : changes) {
            LoadBalancerSnapshot snapshot = change.snapshot();
            if (snapshot == null) {
                changed |= next.remove(change.loadBalancerId()) != null;
            } else if (isNewer(snapshot, next.get(snapshot.id()))) {
                AppliedLoadBalancer compiled = compileOrNull(snapshot, now, selectors);
                if (compiled != null) {
                    next.put(snapshot.id(), compiled);
                    changed = true;
                }
            }
        }
        return changed ? new AppliedConfig(Map.copyOf(next), RoutingIndex.of(next.values())) : this;
    }

    public RoutingIndex routingIndex() {
        return routingIndex;
    }

    public @Nullable AppliedLoadBalancer loadBalancer(UUID id) {
        return loadBalancers.get(id);
    }

    public Collection<AppliedLoadBalancer> loadBalancers() {
        return loadBalancers.values();
    }

    /** Per load balancer id, the revision served and since when. */
    public Map<UUID, AppliedRevision> appliedRevisions() {
        Map<UUID, AppliedRevision> revisions = new HashMap<>();
        loadBalancers.forEach((id, loadBalancer) -> revisions.put(id, loadBalancer.appliedRevision()));
        return revisions;
    }

    private static boolean isNewer(LoadBalancerSnapshot snapshot, @Nullable AppliedLoadBalancer applied) {
        if (applied == null || snapshot.revision() > applied.snapshot().revision()) {
            return true;
        }
        log.debug("Ignoring revision {} of load balancer {}: revision {} is applied",
                snapshot.revision(), snapshot.id(), applied.snapshot().revision());
        return false;
    }

    private static @Nullable AppliedLoadBalancer compileOrNull(LoadBalancerSnapshot snapshot, Instant now,
            GroupSelectorFactory selectors) {
        try {
            return AppliedLoadBalancer.compile(snapshot, now, selectors);
        } catch (RuntimeException e) {
            log.warn("Rejecting revision {} of load balancer {}: it cannot be compiled into routes",
                    snapshot.revision(), snapshot.id(), e);
            return null;
        }
    }
}
