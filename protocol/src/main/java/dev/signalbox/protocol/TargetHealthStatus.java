package dev.signalbox.protocol;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The health of one target as one node sees it.
 *
 * @param loadBalancerId the target's load balancer
 * @param targetGroupId  the target's group
 * @param targetId       the target
 * @param host           the address probed
 * @param port           the port probed
 * @param state          the state
 * @param reason         the ALB reason code of the state ({@code Elb.InitialHealthChecking},
 *                       {@code Target.Timeout}, {@code Target.ResponseCodeMismatch},
 *                       {@code Target.FailedHealthChecks}, {@code Target.DeregistrationInProgress}, …),
 *                       null when healthy
 * @param since          when the target entered the state on this node
 * @param ejectedUntil   when passive outlier detection has ejected the target: until when; else null
 * @param lastProbes     the most recent probes, oldest first (at most ten)
 */
public record TargetHealthStatus(
        UUID loadBalancerId,
        UUID targetGroupId,
        UUID targetId,
        String host,
        int port,
        TargetHealthState state,
        @Nullable String reason,
        Instant since,
        @Nullable Instant ejectedUntil,
        List<ProbeSnapshot> lastProbes) {

    public TargetHealthStatus {
        if (state == null) {
            state = TargetHealthState.UNKNOWN;
        }
        lastProbes = lastProbes == null ? List.of() : List.copyOf(lastProbes);
    }
}
