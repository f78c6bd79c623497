package dev.signalbox.node.metrics;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/** One proxied TCP connection, from {@link MetricsRecorder#connectionOpened} to {@link #closed}. */
public final class ConnectionObservation {

    private final @Nullable LoadBalancerTraffic loadBalancer;
    private final @Nullable GroupTraffic group;
    /** The windows the connection counts in: its load balancer's, its group's and its target's, as far as known. */
    private final TrafficCounters[] windows;
    private final AtomicBoolean closed = new AtomicBoolean();

    ConnectionObservation(@Nullable LoadBalancerTraffic loadBalancer, @Nullable GroupTraffic group,
            @Nullable TrafficCounters target) {
        this.loadBalancer = loadBalancer;
        this.group = group;
        this.windows = windowsOf(loadBalancer, group, target);
        for (TrafficCounters counters : windows) {
            counters.started();
        }
    }

    /**
     * The connection closed; only the first call counts.
     *
     * @param bytesReceived bytes read from the client
     * @param bytesSent     bytes written to the client
     * @param connectNanos  how long reaching the target took, counted by the latency histogram
     */
    public void closed(long bytesReceived, long bytesSent, long connectNanos) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (TrafficCounters counters : windows) {
            counters.ended();
            counters.record(TrafficCounters.NO_STATUS, connectNanos, bytesReceived, bytesSent);
        }
        if (group != null) {
            group.requestsByStatusClass()[TrafficCounters.NO_STATUS].increment();
        } else if (loadBalancer != null) {
            loadBalancer.requestsByStatusClass()[TrafficCounters.NO_STATUS].increment();
        }
    }

    private static TrafficCounters[] windowsOf(@Nullable LoadBalancerTraffic loadBalancer, @Nullable GroupTraffic group,
            @Nullable TrafficCounters target) {
        if (loadBalancer == null) {
            return new TrafficCounters[0];
        }
        if (group == null) {
            return new TrafficCounters[] {loadBalancer.counters()};
        }
        return target == null
                ? new TrafficCounters[] {loadBalancer.counters(), group.counters()}
                : new TrafficCounters[] {loadBalancer.counters(), group.counters(), target};
    }
}
