package dev.signalbox.node.health;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One probe of a target.
 *
 * @param at            when the probe started
 * @param latencyMillis how long it took to succeed or fail
 * @param outcome       what it found
 * @param statusCode    the HTTP status received, or null for TCP probes and probes without a response
 */
public record ProbeResult(Instant at, long latencyMillis, ProbeOutcome outcome, @Nullable Integer statusCode) {
}
