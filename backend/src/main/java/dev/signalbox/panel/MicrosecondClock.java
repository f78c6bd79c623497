package dev.signalbox.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A clock whose instants have microsecond precision, as Postgres stores times, so a time held in
 * memory equals the one read back. ({@code Clock.tick} with a sub-millisecond tick fails in
 * {@code millis()} on Java 17.)
 */
final class MicrosecondClock extends Clock {

    private final Clock base;

    MicrosecondClock(Clock base) {
        this.base = base;
    }

    @Override
    public Instant instant() {
        return base.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return base.millis();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MicrosecondClock(base.withZone(zone));
    }
}
