package dev.signalbox.protocol;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One health probe of a target.
 *
 * @param at            when the probe started
 * @param latencyMillis how long it took to succeed or fail
 * @param success       whether the target passed
 * @param reason        for a failed probe, the reason code it gives (e.g. {@code Target.Timeout})
 * @param statusCode    the HTTP status received, or null for TCP probes and probes without a response
 */
public record ProbeSnapshot(Instant at, long latencyMillis, boolean success, @Nullable String reason,
        @Nullable Integer statusCode) {
}
