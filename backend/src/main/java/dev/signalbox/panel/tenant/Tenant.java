package dev.signalbox.panel.tenant;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "tenants")
class Tenant {

    @Id
    private UUID id;

    private String slug;

    private String name;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Tenant() {
    }

    Tenant(String slug, String name, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.name = name;
        this.createdAt = createdAt;
    }

    TenantInfo info() {
        return new TenantInfo(id, slug, name);
    }
}
