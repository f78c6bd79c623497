package dev.signalbox.panel.targetgroup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface TargetGroupRepository extends JpaRepository<TargetGroup, UUID> {

    List<TargetGroup> findByTenantIdAndLoadBalancerIdOrderByName(UUID tenantId, UUID loadBalancerId);

    Optional<TargetGroup> findByIdAndTenantIdAndLoadBalancerId(UUID id, UUID tenantId, UUID loadBalancerId);

    /** With the row locked, so an If-Match check and the change it guards cannot interleave with another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<TargetGroup> findLockedByIdAndTenantIdAndLoadBalancerId(UUID id, UUID tenantId, UUID loadBalancerId);

    boolean existsByIdAndTenantIdAndLoadBalancerId(UUID id, UUID tenantId, UUID loadBalancerId);

    boolean existsByLoadBalancerIdAndName(UUID loadBalancerId, String name);

    long countByLoadBalancerId(UUID loadBalancerId);
}
