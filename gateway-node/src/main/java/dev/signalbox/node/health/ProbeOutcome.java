package dev.signalbox.node.health;

import org.jspecify.annotations.Nullable;

/** The result of one probe, and the reason a failure of that kind gives an unhealthy target. */
public enum ProbeOutcome {
    SUCCESS(null),
    /** No connection or no response within the timeout. */
    TIMEOUT(HealthReason.TIMEOUT),
    /** An HTTP response whose status the matcher does not accept. */
    RESPONSE_CODE_MISMATCH(HealthReason.RESPONSE_CODE_MISMATCH),
    /** The connection was refused or broke. */
    CONNECTION_FAILED(HealthReason.FAILED_HEALTH_CHECKS);

    private final @Nullable HealthReason failureReason;

    ProbeOutcome(@Nullable HealthReason failureReason) {
        this.failureReason = failureReason;
    }

    /** The reason a failure of this kind gives; null for success. */
    public @Nullable HealthReason failureReason() {
        return failureReason;
    }
}
