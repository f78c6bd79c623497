package dev.signalbox.node.metrics;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * One request of a load balancer on its way through the node, from {@link MetricsRecorder#requestStarted}
 * to {@link #ended}. It is in flight in its load balancer's window from the start, and in its group's
 * and target's from the pick; a retry on another target moves it there. The status and latency are
 * those of the response head the client got; a request the client abandoned before any response is
 * counted without a status. Used by one thread at a time, the connection's event loop.
 *
 * <p>Bytes are counted from the {@code Content-Length} of the request and of the response; bodies
 * without one (chunked) are not counted.
 */
public final class RequestObservation {

    private final LoadBalancerTraffic loadBalancer;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private @Nullable GroupTraffic group;
    private @Nullable TrafficCounters target;
    private int status;
    private long latencyNanos = TrafficCounters.NO_LATENCY;
    private long bytesSent;
    private boolean ended;

    RequestObservation(LoadBalancerTraffic loadBalancer, LongSupplier nanoClock) {
        this.loadBalancer = loadBalancer;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        loadBalancer.counters().started();
    }

    /** A target was picked; when a retry picks another, the request moves to its counts. */
    public void picked(UUID targetGroupId, UUID targetId) {
        leaveTarget();
        group = loadBalancer.group(targetGroupId);
        target = group == null ? null : group.target(targetId);
        if (group != null) {
            group.counters().started();
        }
        if (target != null) {
            target.started();
        }
    }

    /**
     * The response head went to the client: its status and the time to it are final now.
     *
     * @param bodyBytes the response's Content-Length, negative when it has none
     */
    public void responded(int status, long bodyBytes) {
        this.status = status;
        this.latencyNanos = nanoClock.getAsLong() - startNanos;
        this.bytesSent = Math.max(0, bodyBytes);
    }

    /**
     * The request ended, however it ended; only the first call counts.
     *
     * @param bodyBytes the request's Content-Length, negative when it has none
     */
    public void ended(long bodyBytes) {
        if (ended) {
            return;
        }
        ended = true;
        loadBalancer.counters().ended();
        leaveTarget();
        boolean responded = latencyNanos != TrafficCounters.NO_LATENCY;
        int statusClass = responded ? TrafficCounters.statusClassOf(status) : TrafficCounters.NO_STATUS;
        long received = Math.max(0, bodyBytes);
        long sent = responded ? bytesSent : 0;
        loadBalancer.counters().record(statusClass, latencyNanos, received, sent);
        if (responded) {
            loadBalancer.latency().record(latencyNanos, TimeUnit.NANOSECONDS);
        }
        if (group == null) {
            loadBalancer.requestsByStatusClass()[statusClass].increment();
            return;
        }
        group.counters().record(statusClass, latencyNanos, received, sent);
        group.requestsByStatusClass()[statusClass].increment();
        if (target != null) {
            target.record(statusClass, latencyNanos, received, sent);
        }
    }

    /** Takes the request out of the in-flight counts of its group and target; they stay for counting it. */
    private void leaveTarget() {
        if (group != null) {
            group.counters().ended();
        }
        if (target != null) {
            target.ended();
        }
    }
}
