package dev.signalbox.panel.loadbalancer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.signalbox.protocol.ListenerProtocol;

@Entity
@Table(name = "listeners")
class Listener {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "load_balancer_id")
    private UUID loadBalancerId;

    @Enumerated(EnumType.STRING)
    private ListenerProtocol protocol;

    private int port;

    @Column(name = "default_target_group_id")
    private UUID defaultTargetGroupId;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Listener() {
    }

    Listener(UUID tenantId, UUID loadBalancerId, ListenerProtocol protocol, int port, UUID defaultTargetGroupId,
            Instant createdAt) {
        this(UUID.randomUUID(), tenantId, loadBalancerId, protocol, port, defaultTargetGroupId, createdAt);
    }

    /** A listener with a known id: one restored as it was at an earlier revision. */
    Listener(UUID id, UUID tenantId, UUID loadBalancerId, ListenerProtocol protocol, int port,
            UUID defaultTargetGroupId, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.loadBalancerId = loadBalancerId;
        this.protocol = protocol;
        this.port = port;
        this.defaultTargetGroupId = defaultTargetGroupId;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    ListenerInfo info() {
        return new ListenerInfo(id, protocol, port, defaultTargetGroupId);
    }
}
