package dev.signalbox.panel.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The remembered responses in Postgres; every method runs in the caller's transaction. */
@Component
class IdempotencyRecords {

    /** First half of the two-int advisory lock key: keeps these locks apart from any other use. */
    private static final int LOCK_SPACE = 0x1de9;

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the key for this transaction; false when another transaction (a concurrent duplicate) holds it. */
    boolean tryLock(IdempotencyScope scope) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?, hashtext(?))")
                .params(LOCK_SPACE, scope.tenantId() + "/" + scope.userId() + "/" + scope.key())
                .query(Boolean.class).single());
    }

    Optional<StoredResponse> find(IdempotencyScope scope, Instant notBefore) {
        return jdbc.sql("select request_hash, status, content_type, location, etag, body from idempotency_keys"
                        + " where tenant_id = ? and user_id = ? and idempotency_key = ? and created_at >= ?")
                .params(scope.tenantId(), scope.userId(), scope.key(), Timestamp.from(notBefore))
                .query((rs, n) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)))
                .optional();
    }

    /** Remembers a response; an expired one under the same key is replaced. */
    void save(IdempotencyScope scope, StoredResponse response, Instant now) {
        jdbc.sql("insert into idempotency_keys (tenant_id, user_id, idempotency_key, request_hash, status, content_type,"
                        + " location, etag, body, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (tenant_id, user_id, idempotency_key) do update set"
                        + " request_hash = excluded.request_hash, status = excluded.status,"
                        + " content_type = excluded.content_type, location = excluded.location, etag = excluded.etag,"
                        + " body = excluded.body, created_at = excluded.created_at")
                .params(scope.tenantId(), scope.userId(), scope.key(), response.requestHash(), response.status(),
                        response.contentType(), response.location(), response.etag(), response.body(),
                        Timestamp.from(now))
                .update();
    }

    int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("delete from idempotency_keys where created_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
