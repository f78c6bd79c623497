package dev.signalbox.protocol;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The traffic of one load balancer, one of its target groups or one of its targets during one
 * metrics window on one node. A load balancer's own window counts every request it answered,
 * including redirects, fixed responses and the node's own 503s; a group's and a target's count
 * what was forwarded to them. For TCP listeners a request is a connection and there are no statuses.
 *
 * @param loadBalancerId the load balancer
 * @param targetGroupId  the group, or null for the load balancer's own window
 * @param targetId       the target, or null for a load balancer's or group's window
 * @param requests       requests (connections for TCP) that ended in the window
 * @param responses1xx   responses with a 1xx status (e.g. WebSocket upgrades)
 * @param responses2xx   responses with a 2xx status
 * @param responses3xx   responses with a 3xx status
 * @param responses4xx   responses with a 4xx status
 * @param responses5xx   responses with a 5xx status, including the node's own 502, 503 and 504
 * @param bytesReceived  bytes received from clients
 * @param bytesSent      bytes sent to clients
 * @param inFlight       requests (connections for TCP) in progress at the end of the window
 * @param latencyCounts  histogram of the time to the response, {@link LatencyBuckets#COUNT} counts
 */
public record TrafficWindow(
        UUID loadBalancerId,
        @Nullable UUID targetGroupId,
        @Nullable UUID targetId,
        long requests,
        long responses1xx,
        long responses2xx,
        long responses3xx,
        long responses4xx,
        long responses5xx,
        long bytesReceived,
        long bytesSent,
        long inFlight,
        List<Long> latencyCounts) {

    public TrafficWindow {
        latencyCounts = latencyCounts == null ? List.of() : List.copyOf(latencyCounts);
    }
}
