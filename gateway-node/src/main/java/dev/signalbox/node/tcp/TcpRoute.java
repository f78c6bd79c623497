package dev.signalbox.node.tcp;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.node.balancing.TargetSelector;

/**
 * Where new connections to one TCP listener go. Connections read it once, when they are accepted,
 * so a new route changes only connections accepted after it.
 *
 * @param loadBalancerId       the load balancer owning the listener
 * @param revision             the snapshot revision the route was compiled from
 * @param listenerId           the listener
 * @param targetGroupId        the group connections go to; null when the listener forwards nowhere
 * @param selector             picks the target of each connection
 * @param hashesSourceIp       whether the selector hashes a key, which for TCP is the client's IP
 * @param connectTimeoutMillis how long connecting to one target may take
 */
record TcpRoute(UUID loadBalancerId, long revision, UUID listenerId, @Nullable UUID targetGroupId,
        TargetSelector selector, boolean hashesSourceIp, int connectTimeoutMillis) {

    /** Whether this route was compiled from the same listener of the same snapshot revision. */
    boolean sameSourceAs(UUID otherLoadBalancerId, long otherRevision, UUID otherListenerId) {
        return loadBalancerId.equals(otherLoadBalancerId) && revision == otherRevision
                && listenerId.equals(otherListenerId);
    }
}
