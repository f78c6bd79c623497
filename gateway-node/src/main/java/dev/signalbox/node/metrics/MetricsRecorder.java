package dev.signalbox.node.metrics;

import java.util.UUID;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Records the traffic of load balancers into their windows and meters: HTTP requests, and TCP
 * connections, which count as requests without a status, in the load balancer's, the group's and
 * the target's windows, in flight from open to close.
 */
@Component
public class MetricsRecorder {

    private final TrafficRegistry traffic;
    private final LongSupplier nanoClock = System::nanoTime;

    public MetricsRecorder(TrafficRegistry traffic) {
        this.traffic = traffic;
    }

    /**
     * A request of {@code loadBalancerId} arrived; null when the node does not serve it (any more),
     * so it is not counted.
     */
    public @Nullable RequestObservation requestStarted(UUID loadBalancerId) {
        LoadBalancerTraffic loadBalancer = traffic.loadBalancer(loadBalancerId);
        return loadBalancer == null ? null : new RequestObservation(loadBalancer, nanoClock);
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
