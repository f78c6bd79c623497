package dev.signalbox.node.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ActionType;
import dev.signalbox.protocol.AppliedRevision;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.WeightedTargetGroup;

/**
 * A snapshot the node serves, compiled into its routes. Compiling happens once when the snapshot is
 * applied, so a snapshot that cannot be compiled is rejected whole and the previous one stays.
 *
 * @param snapshot  the applied snapshot
 * @param appliedAt when the node started serving it
 * @param routes    (port, host) entries this load balancer contributes to the routing index
 */
public record AppliedLoadBalancer(LoadBalancerSnapshot snapshot, Instant appliedAt, List<HostRoute> routes) {

    public AppliedLoadBalancer {
        routes = List.copyOf(routes);
    }

    static AppliedLoadBalancer compile(LoadBalancerSnapshot snapshot, Instant appliedAt) {
        // one selector per group, shared by every listener and host that forwards to it
        Map<UUID, TargetGroupSnapshot> groups = new HashMap<>();
        Map<UUID, TargetSelector> selectors = new HashMap<>();
        for (TargetGroupSnapshot group : snapshot.targetGroups()) {
            groups.put(group.id(), group);
            selectors.put(group.id(), TargetSelector.forGroup(group));
        }
        List<HostRoute> routes = new ArrayList<>();
        for (ListenerSnapshot listener : snapshot.listeners()) {
            // HTTPS and TCP listeners are served by later increments of the node
            if (listener.protocol() != ListenerProtocol.HTTP) {
                continue;
            }
            UUID groupId = forwardedGroup(listener.defaultAction());
            TargetGroupSnapshot group = groupId == null ? null : groups.get(groupId);
            var forward = new RoutingDecision.Forward(snapshot.id(),
                    groupId == null ? TargetSelector.none() : selectors.getOrDefault(groupId, TargetSelector.none()),
                    group == null || group.algorithm() != Algorithm.CONSISTENT_HASH ? null : hashKeyOf(group));
            for (String host : snapshot.hostNames()) {
                routes.add(new HostRoute(listener.port(), RoutingIndex.normalizeHost(host), forward));
            }
        }
        return new AppliedLoadBalancer(snapshot, appliedAt, routes);
    }

    public UUID id() {
        return snapshot.id();
    }

    public AppliedRevision appliedRevision() {
        return new AppliedRevision(snapshot.revision(), appliedAt);
    }

    private static @Nullable UUID forwardedGroup(ActionSnapshot action) {
        if (action.type() != ActionType.FORWARD) {
            return null;
        }
        // weighted splits across groups come with rules; until then the first group with weight wins
        for (WeightedTargetGroup group : action.targetGroups()) {
            if (group.weight() > 0) {
                return group.targetGroupId();
            }
        }
        return null;
    }

    /** A consistent-hash group without a key hashes the source IP, as the protocol reads unknown key types. */
    private static HashKeySnapshot hashKeyOf(TargetGroupSnapshot group) {
        HashKeySnapshot hashKey = group.hashKey();
        return hashKey == null ? HashKeySnapshot.sourceIp() : hashKey;
    }
}
