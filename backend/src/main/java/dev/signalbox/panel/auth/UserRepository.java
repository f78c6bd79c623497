package dev.signalbox.panel.auth;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface UserRepository extends JpaRepository<User, UUID> {

    Optional<User> findByEmail(String email);

    boolean existsByEmail(String email);

    Optional<User> findByIdAndTenantId(UUID id, UUID tenantId);

    List<User> findByTenantIdOrderByEmail(UUID tenantId);

    /** The tenant's users with a role, locked: concurrent demotions of two admins then see each other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<User> findByTenantIdAndRole(UUID tenantId, Role role);
}
