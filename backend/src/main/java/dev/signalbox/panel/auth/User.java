package dev.signalbox.panel.auth;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "users")
class User {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "created_at")
    private Instant createdAt;

    protected User() {
    }

    User(UUID tenantId, String email, String displayName, String passwordHash, Role role, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    String passwordHash() {
        return passwordHash;
    }

    UUID id() {
        return id;
    }

    Role role() {
        return role;
    }

    void changeRole(Role newRole) {
        this.role = newRole;
    }

    UserInfo info() {
        return new UserInfo(id, tenantId, email, displayName, role);
    }
}
