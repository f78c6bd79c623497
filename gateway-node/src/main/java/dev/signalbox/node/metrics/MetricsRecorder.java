package dev.signalbox.node.metrics;

import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Records traffic that does not pass the gateway's HTTP filters, TCP connections, into the same
 * windows and meters as HTTP requests: a connection counts as a request without a status, in the
 * load balancer's, the group's and the target's windows, and is in flight from open to close.
 */
@Component
public class MetricsRecorder {

    private final TrafficRegistry traffic;

    public MetricsRecorder(TrafficRegistry traffic) {
        this.traffic = traffic;
    }

    /**
     * A client connection was accepted and is proxied to {@code targetId}; call
     * {@link ConnectionObservation#closed} on the result when it closes. A load balancer, group or
     * target the node does not serve (any more) is not counted.
     */
    public ConnectionObservation connectionOpened(UUID loadBalancerId, UUID targetGroupId, UUID targetId) {
        LoadBalancerTraffic loadBalancer = traffic.loadBalancer(loadBalancerId);
        GroupTraffic group = loadBalancer == null ? null : loadBalancer.group(targetGroupId);
        TrafficCounters target = group == null ? null : group.target(targetId);
        return new ConnectionObservation(loadBalancer, group, target);
    }
}
