package dev.signalbox.panel.targetgroup;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "targets")
class Target {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "target_group_id")
    private UUID targetGroupId;

    private String host;

    private int port;

    private int weight;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Target() {
    }

    Target(UUID tenantId, UUID targetGroupId, String host, int port, int weight, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.targetGroupId = targetGroupId;
        this.host = host;
        this.port = port;
        this.weight = weight;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String address() {
        return host + ":" + port;
    }

    void reweigh(int newWeight) {
        this.weight = newWeight;
    }

    TargetInfo info() {
        return new TargetInfo(id, targetGroupId, host, port, weight);
    }
}
