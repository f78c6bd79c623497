package dev.signalbox.panel.targetgroup;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.loadbalancer.TargetGroupReferences;
import dev.signalbox.protocol.TargetProtocol;

/** Lets listeners check the target group they forward to without depending on this feature. */
@Component
class TargetGroupReferencesAdapter implements TargetGroupReferences {

    private final TargetGroupRepository repository;

    TargetGroupReferencesAdapter(TargetGroupRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean belongsTo(UUID tenantId, UUID loadBalancerId, UUID targetGroupId) {
        return repository.existsByIdAndTenantIdAndLoadBalancerId(targetGroupId, tenantId, loadBalancerId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TargetProtocol> protocolOf(UUID tenantId, UUID loadBalancerId, UUID targetGroupId) {
        return repository.findByIdAndTenantIdAndLoadBalancerId(targetGroupId, tenantId, loadBalancerId)
                .map(TargetGroup::protocol);
    }
}
