package dev.signalbox.panel.telemetry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The time windows the metrics API serves: how far back, from which buckets and in which steps,
 * so that every window has a readable number of points.
 */
public enum MetricsWindow {

    FIVE_MINUTES("5m", TrafficResolution.TEN_SECONDS, 10, 30),
    FIFTEEN_MINUTES("15m", TrafficResolution.TEN_SECONDS, 30, 30),
    ONE_HOUR("1h", TrafficResolution.ONE_MINUTE, 60, 60),
    SIX_HOURS("6h", TrafficResolution.ONE_MINUTE, 300, 72),
    ONE_DAY("24h", TrafficResolution.ONE_MINUTE, 1200, 72);

    private final String label;
    private final TrafficResolution resolution;
    private final int stepSeconds;
    private final int points;

    MetricsWindow(String label, TrafficResolution resolution, int stepSeconds, int points) {
        this.label = label;
        this.resolution = resolution;
        this.stepSeconds = stepSeconds;
        this.points = points;
    }

    /** The window named {@code label} (5m, 15m, 1h, 6h, 24h). */
    public static Optional<MetricsWindow> of(String label) {
        return Arrays.stream(values()).filter(window -> window.label.equals(label)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(MetricsWindow::label).toList();
    }

    public String label() {
        return label;
    }

    public int stepSeconds() {
        return stepSeconds;
    }

    int points() {
        return points;
    }

    TrafficResolution resolution() {
        return resolution;
    }
}
