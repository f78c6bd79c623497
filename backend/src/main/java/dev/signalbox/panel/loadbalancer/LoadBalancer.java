package dev.signalbox.panel.loadbalancer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "load_balancers")
class LoadBalancer {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String name;

    private long revision;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected LoadBalancer() {
    }

    LoadBalancer(UUID tenantId, String name, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.revision = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    String name() {
        return name;
    }

    long revision() {
        return revision;
    }

    Instant createdAt() {
        return createdAt;
    }

    long nextRevision(Instant now) {
        revision++;
        updatedAt = now;
        return revision;
    }
}
