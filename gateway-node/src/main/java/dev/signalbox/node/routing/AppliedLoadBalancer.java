package dev.signalbox.node.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.balancing.ThreadLocalRandomGenerator;
import dev.signalbox.protocol.AppliedRevision;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.RuleSnapshot;

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

    static AppliedLoadBalancer compile(LoadBalancerSnapshot snapshot, Instant appliedAt, GroupSelectorFactory selectors) {
        return compile(snapshot, appliedAt, ThreadLocalRandomGenerator.INSTANCE, selectors);
    }

    static AppliedLoadBalancer compile(LoadBalancerSnapshot snapshot, Instant appliedAt, RandomGenerator random) {
        return compile(snapshot, appliedAt, random, GroupSelectorFactory.PLAIN);
    }

    /**
     * @param random    draws the target group of weighted forwards
     * @param selectors builds the selector of each target group
     */
    static AppliedLoadBalancer compile(LoadBalancerSnapshot snapshot, Instant appliedAt, RandomGenerator random,
            GroupSelectorFactory selectors) {
        var actions = new ActionCompiler(snapshot, random, selectors);
        List<HostRoute> routes = new ArrayList<>();
        for (ListenerSnapshot listener : snapshot.listeners()) {
            // TCP listeners are served by a later increment of the node; HTTPS ones are routed like
            // HTTP once the listener port has terminated TLS (node.tls)
            if (listener.protocol() != ListenerProtocol.HTTP && listener.protocol() != ListenerProtocol.HTTPS) {
                continue;
            }
            var rules = new ArrayList<ListenerRules.Rule>();
            for (RuleSnapshot rule : listener.rules()) {
                RuleCondition[] conditions = rule.conditions().stream()
                        .map(RuleCondition::compile)
                        .toArray(RuleCondition[]::new);
                rules.add(new ListenerRules.Rule(rule.priority(), conditions, actions.compile(rule.action())));
            }
            var listenerRules = new ListenerRules(snapshot.id(), rules, actions.compile(listener.defaultAction()));
            for (String host : snapshot.hostNames()) {
                routes.add(new HostRoute(listener.port(), RoutingIndex.normalizeHost(host), listenerRules));
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
}
