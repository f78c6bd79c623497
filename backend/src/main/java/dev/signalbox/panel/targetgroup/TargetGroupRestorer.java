package dev.signalbox.panel.targetgroup;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * Puts the target groups of a load balancer, and their targets, back to those of a snapshot,
 * keeping their ids (for a rollback). Runs inside the caller's transaction, after the listeners
 * that referenced groups about to go were removed; deletes are flushed before inserts, so a name
 * or address that changed hands does not collide.
 */
@Service
public class TargetGroupRestorer {

    private final TargetGroupRepository groups;
    private final TargetRepository targets;
    private final Clock clock;

    TargetGroupRestorer(TargetGroupRepository groups, TargetRepository targets, Clock clock) {
        this.groups = groups;
        this.targets = targets;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void restore(UUID tenantId, UUID loadBalancerId, List<TargetGroupSnapshot> wanted) {
        Map<UUID, TargetGroupSnapshot> wantedById = wanted.stream()
                .collect(Collectors.toMap(TargetGroupSnapshot::id, Function.identity()));
        List<TargetGroup> current = groups.findByTenantIdAndLoadBalancerIdOrderByName(tenantId, loadBalancerId);
        // the database cascades a deleted group to its targets
        current.stream().filter(group -> !wantedById.containsKey(group.id())).forEach(groups::delete);
        groups.flush();
        Map<UUID, TargetGroup> kept = current.stream().filter(group -> wantedById.containsKey(group.id()))
                .collect(Collectors.toMap(TargetGroup::id, Function.identity()));
        for (TargetGroupSnapshot group : wanted) {
            TargetGroup existing = kept.get(group.id());
            TargetGroupSettings settings = new TargetGroupSettings(group.name(), group.protocol(), group.port(),
                    group.algorithm(), group.hashKey(), group.healthCheck(), group.attributes());
            if (existing == null) {
                groups.save(new TargetGroup(group.id(), tenantId, loadBalancerId, settings, clock.instant()));
            } else {
                existing.change(settings);
            }
        }
        groups.flush();
        wanted.forEach(group -> restoreTargets(tenantId, group));
    }

    private void restoreTargets(UUID tenantId, TargetGroupSnapshot group) {
        Map<UUID, TargetSnapshot> wantedById = group.targets().stream()
                .collect(Collectors.toMap(TargetSnapshot::id, Function.identity()));
        List<Target> current = targets.findByTenantIdAndTargetGroupIdOrderByHostAscPortAsc(tenantId, group.id());
        current.stream().filter(target -> !wantedById.containsKey(target.id())).forEach(targets::delete);
        targets.flush();
        Map<UUID, Target> kept = current.stream().filter(target -> wantedById.containsKey(target.id()))
                .collect(Collectors.toMap(Target::id, Function.identity()));
        for (TargetSnapshot target : group.targets()) {
            Target existing = kept.get(target.id());
            if (existing == null) {
                targets.save(new Target(target.id(), tenantId, group.id(), target.host(), target.port(),
                        target.weight(), clock.instant()));
            } else {
                existing.reweigh(target.weight());
            }
        }
        targets.flush();
    }
}
