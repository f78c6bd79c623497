package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ListenerRepository extends JpaRepository<Listener, UUID> {

    List<Listener> findByTenantIdAndLoadBalancerIdOrderByPort(UUID tenantId, UUID loadBalancerId);

    Optional<Listener> findByIdAndTenantIdAndLoadBalancerId(UUID id, UUID tenantId, UUID loadBalancerId);

    Optional<Listener> findByLoadBalancerIdAndPort(UUID loadBalancerId, int port);

    long countByLoadBalancerId(UUID loadBalancerId);
}
