package dev.signalbox.panel.telemetry;

import java.time.Instant;
import java.util.List;

/**
 * The traffic of a window, step by step, oldest first.
 *
 * @param startsAt     start of the first point
 * @param endsAt       when the series was read: the last point is still filling
 * @param totals       the sum of the points
 * @param peakInFlight the largest in-flight of the points
 */
public record TrafficSeries(MetricsWindow window, Instant startsAt, Instant endsAt, List<TrafficPoint> points,
        TrafficCounts totals, long peakInFlight) {

    public TrafficSeries {
        points = List.copyOf(points);
    }
}
