package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface ListenerRepository extends JpaRepository<Listener, UUID> {

    List<Listener> findByTenantIdAndLoadBalancerIdOrderByPort(UUID tenantId, UUID loadBalancerId);

    Optional<Listener> findByIdAndTenantIdAndLoadBalancerId(UUID id, UUID tenantId, UUID loadBalancerId);

    /** With the row locked, so an If-Match check and the change it guards cannot interleave with another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Listener> findLockedByIdAndTenantIdAndLoadBalancerId(UUID id, UUID tenantId, UUID loadBalancerId);

    Optional<Listener> findByLoadBalancerIdAndPort(UUID loadBalancerId, int port);

    long countByLoadBalancerId(UUID loadBalancerId);
}
