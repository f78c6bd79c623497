package dev.signalbox.panel.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.panel.auth.SecurityEvent;
import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.loadbalancer.LoadBalancerDeleted;
import dev.signalbox.panel.loadbalancer.LoadBalancerRevised;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the audit log from events, in the transaction of the change they describe: a change
 * that rolls back leaves no audit row, and one that commits always has one.
 */
@Component
class AuditRecorder {

    static final String LOAD_BALANCER = "load-balancer";

    private final AuditLog log;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CurrentPrincipal currentPrincipal;
    private final Clock clock;

    AuditRecorder(AuditLog log, JdbcClient jdbc, JsonMapper json, CurrentPrincipal currentPrincipal, Clock clock) {
        this.log = log;
        this.jdbc = jdbc;
        this.json = json;
        this.currentPrincipal = currentPrincipal;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(SecurityEvent event) {
        List<AuditedChange> changes = AuditedChange.between(json.valueToTree(event.before()), json.valueToTree(event.after()));
        AuditActor actor = event.actorEmail() != null ? new AuditActor(event.actorEmail(), event.actorEmail(), null)
                : actor(null);
        log.append(new AuditEntry(0, event.tenantId(), clock.instant(), actor, event.action(), event.resourceType(),
                event.resourceId(), event.summary(), sourceAddress(), changes));
    }

    /** After the revision's snapshot is stored (the publish feature does it when the event is published). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(LoadBalancerRevised revised) {
        List<Snapshot> snapshots = jdbc.sql("select revision, snapshot from config_revisions where load_balancer_id = ?"
                        + " and revision <= ? order by revision desc limit 2")
                .params(revised.loadBalancerId(), revised.revision())
                .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getString(2)))
                .list();
        JsonNode after = snapshots.isEmpty() || snapshots.get(0).revision() != revised.revision() ? null
                : json.readTree(snapshots.get(0).json());
        JsonNode before = after == null || snapshots.size() < 2 ? null : json.readTree(snapshots.get(1).json());
        log.append(new AuditEntry(0, revised.tenantId(), clock.instant(), actor(revised.actor()), "config.revised",
                LOAD_BALANCER, revised.loadBalancerId().toString(), "Revision " + revised.revision() + ": "
                        + revised.summary(), sourceAddress(), AuditedChange.between(before, after)));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(LoadBalancerDeleted deleted) {
        JsonNode before = jdbc.sql("select snapshot from config_revisions where load_balancer_id = ?"
                        + " order by revision desc limit 1")
                .param(deleted.loadBalancerId())
                .query(String.class)
                .optional()
                .map(json::readTree)
                .orElse(null);
        log.append(new AuditEntry(0, deleted.tenantId(), clock.instant(), actor(deleted.actor()), "load-balancer.deleted",
                LOAD_BALANCER, deleted.loadBalancerId().toString(), "Load balancer deleted", sourceAddress(),
                AuditedChange.between(before, null)));
    }

    private record Snapshot(long revision, String json) {
    }

    /** The signed-in principal; {@code fallback} (an event's own actor text) when nobody is. */
    private AuditActor actor(@Nullable String fallback) {
        return currentPrincipal.find().map(AuditRecorder::actorOf)
                .orElseGet(() -> new AuditActor(fallback == null ? "system" : fallback, null, null));
    }

    private static AuditActor actorOf(SignalboxPrincipal principal) {
        UUID tokenId = principal.token() == null ? null : principal.token().id();
        return new AuditActor(principal.actor(), principal.user().email(), tokenId);
    }

    /** The peer's address (behind a proxy, configure server.forward-headers-strategy and the trusted proxies). */
    private static @Nullable String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
