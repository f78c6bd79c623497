package dev.signalbox.panel.loadbalancer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.ActionSnapshot;
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

    @Column(name = "default_action")
    @Convert(converter = StoredJson.ActionColumn.class)
    private ActionSnapshot defaultAction;

    @Column(name = "tls_policy")
    private @Nullable String tlsPolicy;

    @Column(name = "certificate_ids")
    @Convert(converter = StoredJson.UuidListColumn.class)
    private List<UUID> certificateIds;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Listener() {
    }

    Listener(UUID tenantId, UUID loadBalancerId, ListenerSettings settings, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.loadBalancerId = loadBalancerId;
        this.createdAt = createdAt;
        change(settings);
    }

    UUID id() {
        return id;
    }

    ListenerProtocol protocol() {
        return protocol;
    }

    void change(ListenerSettings settings) {
        this.protocol = settings.protocol();
        this.port = settings.port();
        this.defaultAction = settings.defaultAction();
        this.tlsPolicy = settings.tlsPolicy();
        this.certificateIds = settings.certificateIds();
    }

    ListenerInfo info() {
        return new ListenerInfo(id, protocol, port, defaultAction, tlsPolicy, certificateIds);
    }
}
