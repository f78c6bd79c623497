package dev.signalbox.panel.idempotency;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.signalbox.panel.rowsecurity.RowScope;

/** Deletes remembered responses once their retention has passed (they are no longer replayed anyway). */
@Component
class IdempotencyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotencyRecords records;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotencyPurge(IdempotencyRecords records, IdempotencyProperties properties, Clock clock) {
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    /** Across tenants, so in the system row scope; one statement, so no transaction of its own. */
    @Scheduled(fixedDelayString = "${signalbox.idempotency.purge-interval:10m}")
    public int purgeExpired() {
        int deleted = RowScope.system(() -> records.deleteOlderThan(clock.instant().minus(properties.retention())));
        if (deleted > 0) {
            log.debug("Deleted {} expired idempotency keys", deleted);
        }
        return deleted;
    }
}
