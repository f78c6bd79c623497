package dev.signalbox.panel.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Appends to and reads the audit_events table (append-only for the panel's database role). */
@Component
class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Filters of a query; null means "any". */
    record Filter(UUID tenantId, @Nullable String actor, @Nullable String action, @Nullable String resourceType,
            @Nullable String resourceId, @Nullable Instant from, @Nullable Instant to, @Nullable Long before,
            int limit) {
    }

    @Transactional
    void append(AuditEntry entry) {
        jdbc.sql("""
                insert into audit_events (tenant_id, occurred_at, actor, actor_email, actor_token_id, action,
                    resource_type, resource_id, summary, source_address, changes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(entry.tenantId(), Timestamp.from(entry.occurredAt()), truncate(entry.actor().display(), 400),
                        entry.actor().email(), entry.actor().tokenId(), entry.action(), entry.resourceType(),
                        entry.resourceId() == null ? null : truncate(entry.resourceId(), 254),
                        entry.summary() == null ? null : truncate(entry.summary(), 500), entry.sourceAddress(),
                        json.writeValueAsString(toJson(entry.changes())))
                .update();
    }

    /** Newest first: the rows matching the filter with an id below {@code before}, at most {@code limit}. */
    @Transactional(readOnly = true)
    List<AuditEntry> find(Filter filter) {
        StringBuilder sql = new StringBuilder("select id, tenant_id, occurred_at, actor, actor_email, actor_token_id,"
                + " action, resource_type, resource_id, summary, source_address, changes::text from audit_events"
                + " where tenant_id = :tenant");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", filter.tenantId());
        if (filter.actor() != null) {
            sql.append(" and (actor_email = lower(:actor) or cast(actor_token_id as text) = lower(:actor))");
            params.put("actor", filter.actor().trim());
        }
        condition(sql, params, "action", "action = :action", filter.action());
        condition(sql, params, "resourceType", "resource_type = :resourceType", filter.resourceType());
        condition(sql, params, "resourceId", "resource_id = :resourceId", filter.resourceId());
        condition(sql, params, "from", "occurred_at >= :from", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, params, "to", "occurred_at < :to", filter.to() == null ? null : Timestamp.from(filter.to()));
        condition(sql, params, "before", "id < :before", filter.before());
        sql.append(" order by id desc limit :limit");
        params.put("limit", filter.limit());
        return jdbc.sql(sql.toString()).params(params).query(this::entry).list();
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String name, String clause,
            @Nullable Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    private AuditEntry entry(ResultSet rs, int row) throws SQLException {
        List<AuditedChange> changes = new ArrayList<>();
        for (JsonNode change : json.readTree(rs.getString(12))) {
            changes.add(new AuditedChange(change.path("pointer").asString(), change.get("before"), change.get("after")));
        }
        AuditActor actor = new AuditActor(rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class));
        return new AuditEntry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(), actor,
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), changes);
    }

    private ArrayNode toJson(List<AuditedChange> changes) {
        ArrayNode array = json.createArrayNode();
        for (AuditedChange change : changes) {
            ObjectNode node = array.addObject().put("pointer", change.pointer());
            if (change.before() != null) {
                node.set("before", change.before());
            }
            if (change.after() != null) {
                node.set("after", change.after());
            }
        }
        return array;
    }

    private static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit);
    }
}
