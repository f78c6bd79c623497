package dev.signalbox.panel.publish;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.loadbalancer.RevisionCreationTimes;
import dev.signalbox.panel.paging.Cursor;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.problem.InvalidFieldException;
import dev.signalbox.protocol.ProtocolCodec;

/**
 * Reads the stored revisions of a load balancer. Callers check first that the load balancer is
 * the tenant's; every query is scoped by the tenant as well.
 */
@Service
public class RevisionHistory implements RevisionCreationTimes {

    private final JdbcClient jdbc;
    private final ProtocolCodec codec = new ProtocolCodec();

    RevisionHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of revisions, newest first; the cursor is the last revision number returned. */
    @Transactional(readOnly = true)
    public Page<RevisionEntry> list(UUID tenantId, UUID loadBalancerId, PageQuery page) {
        long before = page.cursor() == null ? Long.MAX_VALUE : revisionOf(Cursor.decode(page.cursor(), 1));
        List<RevisionEntry> rows = jdbc.sql("select revision, actor, summary, created_at from config_revisions"
                        + " where tenant_id = ? and load_balancer_id = ? and revision < ?"
                        + " order by revision desc limit ?")
                .params(tenantId, loadBalancerId, before, page.limit() + 1)
                .query((rs, n) -> entry(rs))
                .list();
        return Page.of(rows, page.limit(), entry -> Cursor.of(entry.revision()));
    }

    @Transactional(readOnly = true)
    public Optional<StoredRevision> find(UUID tenantId, UUID loadBalancerId, long revision) {
        return jdbc.sql("select revision, actor, summary, created_at, snapshot from config_revisions"
                        + " where tenant_id = ? and load_balancer_id = ? and revision = ?")
                .params(tenantId, loadBalancerId, revision)
                .query((rs, n) -> new StoredRevision(entry(rs),
                        codec.decodeSnapshot(rs.getString("snapshot").getBytes(StandardCharsets.UTF_8))))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Instant> of(UUID tenantId, UUID loadBalancerId, Set<Long> revisions) {
        Map<Long, Instant> created = new HashMap<>();
        if (revisions.isEmpty()) {
            return created;
        }
        jdbc.sql("select revision, created_at from config_revisions"
                        + " where tenant_id = :tenant and load_balancer_id = :loadBalancer and revision in (:revisions)")
                .param("tenant", tenantId)
                .param("loadBalancer", loadBalancerId)
                .param("revisions", revisions)
                .query((RowCallbackHandler) rs -> created.put(rs.getLong("revision"),
                        rs.getTimestamp("created_at").toInstant()));
        return created;
    }

    private static RevisionEntry entry(ResultSet rs) throws SQLException {
        return new RevisionEntry(rs.getLong("revision"), rs.getString("actor"), rs.getString("summary"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static long revisionOf(Cursor cursor) {
        try {
            return Long.parseLong(cursor.values().get(0));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("/cursor", "cursor must be the nextCursor of a previous page of this list");
        }
    }
}
