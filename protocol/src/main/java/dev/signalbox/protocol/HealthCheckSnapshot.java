package dev.signalbox.protocol;

import org.jspecify.annotations.Nullable;

/**
 * How the targets of a group are probed.
 *
 * @param protocol           HTTP, HTTPS or TCP
 * @param path               request path for HTTP(S) probes
 * @param port               probe port, or null for the target's own port
 * @param intervalSeconds    seconds between probes of one target
 * @param timeoutSeconds     seconds before a probe counts as failed
 * @param healthyThreshold   consecutive successes to become healthy
 * @param unhealthyThreshold consecutive failures to become unhealthy
 * @param matcher            HTTP status codes that count as success, e.g. {@code 200} or {@code 200-299}
 */
public record HealthCheckSnapshot(
        TargetProtocol protocol,
        String path,
        @Nullable Integer port,
        int intervalSeconds,
        int timeoutSeconds,
        int healthyThreshold,
        int unhealthyThreshold,
        String matcher) {
}
