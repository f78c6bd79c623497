package dev.signalbox.node.routing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;

/**
 * Where a request on a listener port goes, decided once per request from the routing index it
 * arrived under.
 */
public sealed interface RoutingDecision {

    /**
     * A load balancer answers: forward to a target of a target group.
     *
     * @param group   the group with its attributes; null for a forward to a group the snapshot lacks
     * @param targets picks the group's target
     * @param hashKey what of the request the group's consistent hash is computed over; null when the
     *                group's algorithm does not hash
     */
    record Forward(UUID loadBalancerId, @Nullable TargetGroupSnapshot group, TargetSelector targets,
            @Nullable HashKeySnapshot hashKey) implements RoutingDecision, RuleAction {

        /** A forward that never finds a target. */
        public static Forward nowhere(UUID loadBalancerId) {
            return new Forward(loadBalancerId, null, TargetSelector.none(), null);
        }

        @Override
        public RoutingDecision decide() {
            return this;
        }
    }

    /**
     * A load balancer answers: forward to one of several weighted target groups, keeping a client on
     * the group it was first sent to for {@code durationSeconds}. Decided into one group's
     * {@link Forward} by {@link StickySessions}, which reads and sets the group cookie.
     */
    record StickyGroups(UUID loadBalancerId, WeightedForward split, int durationSeconds) implements RoutingDecision {
    }

    /**
     * A load balancer answers with a redirect built from the request.
     *
     * @param statusCode 301 or 302
     */
    record Redirect(UUID loadBalancerId, int statusCode, RedirectTemplate location)
            implements RoutingDecision, RuleAction {

        @Override
        public RoutingDecision decide() {
            return this;
        }
    }

    /**
     * A load balancer answers with a fixed response.
     *
     * @param body encoded once when the snapshot is applied
     */
    record FixedResponse(UUID loadBalancerId, int statusCode, MediaType contentType, byte[] body)
            implements RoutingDecision, RuleAction {

        @Override
        public RoutingDecision decide() {
            return this;
        }
    }

    /** The port is a listener port, but no load balancer answers on the request's host there. */
    enum NoLoadBalancer implements RoutingDecision {
        INSTANCE
    }
}
