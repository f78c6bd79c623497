package dev.signalbox.panel.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.SignalboxProperties;
import dev.signalbox.protocol.Topics;

/**
 * One relay pass: takes unpublished outbox rows, sends the latest state of each load balancer and
 * certificate they name and marks them published, all in one transaction, so rows stay pending when
 * Kafka fails.
 */
@Component
class OutboxRelay {

    /** Advisory lock key: one relay at a time across panel instances keeps per-key order on the topic. */
    private static final long RELAY_LOCK = 0x5349474e414c42L;

    private final JdbcClient jdbc;
    private final ConfigPublisher publisher;
    private final int batchSize;

    OutboxRelay(JdbcClient jdbc, ConfigPublisher publisher, SignalboxProperties properties) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.batchSize = properties.publish().batchSize();
    }

    int batchSize() {
        return batchSize;
    }

    /** Names a load balancer or a certificate; a null revision is a deletion. */
    private record OutboxRow(long id, @Nullable UUID loadBalancerId, @Nullable UUID certificateId,
            @Nullable Long revision, @Nullable String payload) {

        String topic() {
            return loadBalancerId != null ? Topics.CONFIG : Topics.CERTIFICATES;
        }

        String key() {
            return String.valueOf(loadBalancerId != null ? loadBalancerId : certificateId);
        }
    }

    /** Relays one batch; returns how many outbox rows it published (0 when another instance is relaying). */
    @Transactional(rollbackFor = ConfigPublisher.PublishFailedException.class)
    int relayBatch() throws ConfigPublisher.PublishFailedException {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(RELAY_LOCK).query(Boolean.class).single();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxRow> rows = jdbc.sql("select id, load_balancer_id, certificate_id, revision, payload from outbox"
                        + " where published_at is null order by id limit ? for update skip locked")
                .param(batchSize)
                .query((rs, n) -> new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, Long.class), rs.getString(5)))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, OutboxRow> latest = new LinkedHashMap<>();
        rows.forEach(row -> latest.put(row.topic() + "/" + row.key(), row));
        List<PendingMessage> messages = new ArrayList<>();
        for (OutboxRow row : latest.values()) {
            messages.add(new PendingMessage(row.topic(), row.key(), row.revision() == null ? null : value(row)));
        }
        publisher.publishAll(messages);
        // a certificate's sealed key is kept no longer than it takes to deliver it
        jdbc.sql("update outbox set published_at = now(), payload = null where id = any(?)")
                .param(rows.stream().map(OutboxRow::id).toArray(Long[]::new))
                .update();
        return rows.size();
    }

    private byte[] value(OutboxRow row) {
        if (row.payload() != null) {
            return row.payload().getBytes(StandardCharsets.UTF_8);
        }
        String json = jdbc.sql("select snapshot from config_revisions where load_balancer_id = ? and revision = ?")
                .params(row.loadBalancerId(), row.revision())
                .query(String.class)
                .single();
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
