package dev.signalbox.panel.telemetry;

import java.time.Instant;

/**
 * The traffic of one step of a series.
 *
 * @param inFlight the sum of each node's last in-flight value in the step
 */
public record TrafficPoint(Instant start, TrafficCounts counts, long inFlight) {
}
