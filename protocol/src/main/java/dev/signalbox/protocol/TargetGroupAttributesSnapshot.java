package dev.signalbox.protocol;

/**
 * Tuning of a target group.
 *
 * @param deregistrationDelaySeconds how long a removed target keeps serving requests in flight, 0 to 3600
 * @param slowStartSeconds           how long a new healthy target ramps up, 0 (off) or 30 to 900
 * @param stickiness                 target stickiness
 * @param retries                    how often a failed idempotent request is retried on another target, 0 to 5
 * @param connectTimeoutMillis       how long a node waits to connect to a target
 * @param responseTimeoutSeconds     how long a node waits for a target's response
 */
public record TargetGroupAttributesSnapshot(
        int deregistrationDelaySeconds,
        int slowStartSeconds,
        StickinessSnapshot stickiness,
        int retries,
        int connectTimeoutMillis,
        int responseTimeoutSeconds) {

    /** The defaults, which a snapshot without attributes (written before they existed) means. */
    public static final TargetGroupAttributesSnapshot DEFAULTS = new TargetGroupAttributesSnapshot(300, 0,
            StickinessSnapshot.DISABLED, 0, 5_000, 60);

    public TargetGroupAttributesSnapshot {
        if (stickiness == null) {
            stickiness = StickinessSnapshot.DISABLED;
        }
    }
}
