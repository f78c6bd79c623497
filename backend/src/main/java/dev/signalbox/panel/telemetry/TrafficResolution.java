package dev.signalbox.panel.telemetry;

import java.time.Duration;

/** The fixed time buckets traffic is summed into, each kept for a while and then expired by Redis. */
enum TrafficResolution {

    TEN_SECONDS("10s", Duration.ofSeconds(10), Duration.ofHours(1)),
    ONE_MINUTE("1m", Duration.ofMinutes(1), Duration.ofDays(1));

    private final String label;
    private final long seconds;
    private final long retentionSeconds;

    TrafficResolution(String label, Duration bucket, Duration retention) {
        this.label = label;
        this.seconds = bucket.toSeconds();
        this.retentionSeconds = retention.toSeconds();
    }

    String label() {
        return label;
    }

    long seconds() {
        return seconds;
    }

    /** Start (epoch s) of the bucket {@code epochSecond} falls in; buckets are aligned to the epoch. */
    long bucketStart(long epochSecond) {
        return epochSecond - Math.floorMod(epochSecond, seconds);
    }

    /** When (epoch s) the bucket starting at {@code bucketStart} has been kept long enough. */
    long expiresAt(long bucketStart) {
        return bucketStart + seconds + retentionSeconds;
    }
}
