package dev.signalbox.panel.targetgroup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface TargetGroupRepository extends JpaRepository<TargetGroup, UUID> {

    List<TargetGroup> findByTenantIdAndLoadBalancerIdOrderByName(UUID tenantId, UUID loadBalancerId);

    Optional<TargetGroup> findByIdAndTenantIdAndLoadBalancerId(UUID id, UUID tenantId, UUID loadBalancerId);

    boolean existsByIdAndTenantIdAndLoadBalancerId(UUID id, UUID tenantId, UUID loadBalancerId);

    boolean existsByLoadBalancerIdAndName(UUID loadBalancerId, String name);

    long countByLoadBalancerId(UUID loadBalancerId);
}
