package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface LoadBalancerRepository extends JpaRepository<LoadBalancer, UUID> {

    Optional<LoadBalancer> findByIdAndTenantId(UUID id, UUID tenantId);

    boolean existsByTenantIdAndName(UUID tenantId, String name);

    long countByTenantId(UUID tenantId);
}
