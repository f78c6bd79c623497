package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface RuleRepository extends JpaRepository<Rule, UUID> {

    List<Rule> findByTenantIdAndListenerIdOrderByPriority(UUID tenantId, UUID listenerId);

    List<Rule> findByTenantIdAndLoadBalancerIdOrderByPriority(UUID tenantId, UUID loadBalancerId);

    Optional<Rule> findByIdAndTenantIdAndListenerId(UUID id, UUID tenantId, UUID listenerId);

    /** With the row locked, so an If-Match check and the change it guards cannot interleave with another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Rule> findLockedByIdAndTenantIdAndListenerId(UUID id, UUID tenantId, UUID listenerId);

    Optional<Rule> findByListenerIdAndPriority(UUID listenerId, int priority);

    long countByListenerId(UUID listenerId);
}
