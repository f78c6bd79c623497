package dev.signalbox.node.tcp;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.node.routing.AppliedLoadBalancer;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ActionType;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.WeightedTargetGroup;

/**
 * Compiles the TCP listeners of the applied load balancers into one route per port. A listener whose
 * snapshot revision did not change keeps its route, selector included, so applying an unrelated
 * load balancer neither restarts its round robin nor loses the connections its selector counts.
 */
final class TcpRoutes {

    private static final Logger log = LoggerFactory.getLogger(TcpRoutes.class);

    private TcpRoutes() {
    }

    /**
     * @param previous the routes compiled from the config applied before
     * @return the route of every TCP listener port
     */
    static Map<Integer, TcpRoute> of(Collection<AppliedLoadBalancer> loadBalancers, Map<Integer, TcpRoute> previous,
            GroupSelectorFactory selectors) {
        // the panel gives a TCP listener its port exclusively; if two snapshots still collide, the lower id wins
        List<LoadBalancerSnapshot> byId = loadBalancers.stream()
                .map(AppliedLoadBalancer::snapshot)
                .sorted(Comparator.comparing(LoadBalancerSnapshot::id))
                .toList();
        Map<Integer, TcpRoute> routes = new HashMap<>();
        for (LoadBalancerSnapshot snapshot : byId) {
            // listeners of one snapshot that forward to the same group share its selector
            Map<UUID, TargetSelector> groupSelectors = new HashMap<>();
            for (ListenerSnapshot listener : snapshot.listeners()) {
                if (listener.protocol() != ListenerProtocol.TCP) {
                    continue;
                }
                TcpRoute taken = routes.get(listener.port());
                if (taken != null) {
                    log.warn("TCP port {} is claimed by load balancers {} and {}; {} serves it", listener.port(),
                            taken.loadBalancerId(), snapshot.id(), taken.loadBalancerId());
                    continue;
                }
                TcpRoute kept = previous.get(listener.port());
                routes.put(listener.port(), kept != null && kept.sameSourceAs(snapshot.id(), snapshot.revision(), listener.id())
                        ? kept
                        : compile(snapshot, listener, groupSelectors, selectors));
            }
        }
        return routes;
    }

    private static TcpRoute compile(LoadBalancerSnapshot snapshot, ListenerSnapshot listener,
            Map<UUID, TargetSelector> groupSelectors, GroupSelectorFactory selectors) {
        TargetGroupSnapshot group = forwardedGroup(snapshot, listener.defaultAction());
        if (group == null) {
            // nothing to forward to: the port stays the load balancer's, and its connections are closed
            return new TcpRoute(snapshot.id(), snapshot.revision(), listener.id(), null, TargetSelector.none(), false,
                    TargetGroupAttributesSnapshot.DEFAULTS.connectTimeoutMillis());
        }
        int connectTimeout = group.attributes().connectTimeoutMillis() > 0
                ? group.attributes().connectTimeoutMillis()
                : TargetGroupAttributesSnapshot.DEFAULTS.connectTimeoutMillis();
        return new TcpRoute(snapshot.id(), snapshot.revision(), listener.id(), group.id(),
                groupSelectors.computeIfAbsent(group.id(), id -> selectors.forGroup(group)),
                group.algorithm() == Algorithm.CONSISTENT_HASH, connectTimeout);
    }

    /** A TCP listener forwards to one group: the first with a weight, as the panel allows no split. */
    private static @Nullable TargetGroupSnapshot forwardedGroup(LoadBalancerSnapshot snapshot, ActionSnapshot action) {
        if (action.type() != ActionType.FORWARD) {
            return null;
        }
        for (WeightedTargetGroup forward : action.targetGroups()) {
            if (forward.weight() > 0) {
                for (TargetGroupSnapshot group : snapshot.targetGroups()) {
                    if (group.id().equals(forward.targetGroupId())) {
                        return group;
                    }
                }
                return null;
            }
        }
        return null;
    }
}
