package dev.signalbox.node.routing;

import java.util.UUID;

import dev.signalbox.node.balancing.TargetSelector;

/**
 * Where a request on a listener port goes, decided once per request from the routing index it
 * arrived under, and kept as an exchange attribute until the target is picked.
 */
public sealed interface RoutingDecision {

    /** The exchange attribute holding the decision. */
    String ATTRIBUTE = RoutingDecision.class.getName();

    /** A load balancer answers: forward to a target of its listener's target group. */
    record Forward(UUID loadBalancerId, TargetSelector targets) implements RoutingDecision {
    }

    /** The port is a listener port, but no load balancer answers on the request's host there. */
    enum NoLoadBalancer implements RoutingDecision {
        INSTANCE
    }
}
