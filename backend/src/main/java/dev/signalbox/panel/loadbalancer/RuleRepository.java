package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RuleRepository extends JpaRepository<Rule, UUID> {

    List<Rule> findByTenantIdAndListenerIdOrderByPriority(UUID tenantId, UUID listenerId);

    List<Rule> findByTenantIdAndLoadBalancerIdOrderByPriority(UUID tenantId, UUID loadBalancerId);

    Optional<Rule> findByIdAndTenantIdAndListenerId(UUID id, UUID tenantId, UUID listenerId);

    Optional<Rule> findByListenerIdAndPriority(UUID listenerId, int priority);

    long countByListenerId(UUID listenerId);
}
