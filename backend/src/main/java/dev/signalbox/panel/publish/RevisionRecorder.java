package dev.signalbox.panel.publish;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.signalbox.panel.loadbalancer.LoadBalancerDeleted;
import dev.signalbox.panel.loadbalancer.LoadBalancerRevised;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.ProtocolCodec;

/**
 * Stores each revision's snapshot and an outbox row, synchronously inside the transaction of the
 * change: either the change, its snapshot and its outbox row all commit, or none does.
 */
@Component
class RevisionRecorder {

    private static final int SUMMARY_LIMIT = 500;

    private final SnapshotAssembler assembler;
    private final JdbcClient jdbc;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final Clock clock;

    RevisionRecorder(SnapshotAssembler assembler, JdbcClient jdbc, Clock clock) {
        this.assembler = assembler;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(LoadBalancerRevised revised) {
        LoadBalancerSnapshot snapshot = assembler.assemble(revised.tenantId(), revised.loadBalancerId(),
                revised.revision());
        jdbc.sql("insert into config_revisions (load_balancer_id, revision, tenant_id, snapshot, actor, summary,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(revised.loadBalancerId(), revised.revision(), revised.tenantId(),
                        new String(codec.encode(snapshot), StandardCharsets.UTF_8), truncate(revised.actor(), 254),
                        truncate(revised.summary(), SUMMARY_LIMIT), Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("insert into outbox (load_balancer_id, revision) values (?, ?)")
                .params(revised.loadBalancerId(), revised.revision())
                .update();
    }

    @EventListener
    void on(LoadBalancerDeleted deleted) {
        jdbc.sql("insert into outbox (load_balancer_id, revision) values (?, null)")
                .params(deleted.loadBalancerId())
                .update();
    }

    private static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit);
    }
}
