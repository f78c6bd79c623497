package dev.signalbox.panel.loadbalancer;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.protocol.ListenerSnapshot;

/**
 * Puts the listeners of a load balancer back to those of a snapshot, keeping their ids (for a
 * rollback). In two steps around the target groups' own restore, because listeners reference
 * target groups: first the listeners that differ go, then the missing ones come back. Both run
 * inside the caller's transaction, which must hold {@link LoadBalancers#lockForChange}.
 */
@Service
public class ListenerRestorer {

    private final ListenerRepository repository;
    private final Listeners listeners;
    private final Clock clock;

    ListenerRestorer(ListenerRepository repository, Listeners listeners, Clock clock) {
        this.repository = repository;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** Removes every listener that is not exactly one of {@code wanted}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void removeAllBut(UUID tenantId, UUID loadBalancerId, List<ListenerSnapshot> wanted) {
        Set<ListenerInfo> keep = wanted.stream().map(ListenerRestorer::info).collect(Collectors.toSet());
        repository.findByTenantIdAndLoadBalancerIdOrderByPort(tenantId, loadBalancerId).stream()
                .filter(listener -> !keep.contains(listener.info()))
                .forEach(repository::delete);
        repository.flush();
    }

    /**
     * Adds the listeners of {@code wanted} that are missing, with the port rules of a new listener:
     * a port another load balancer took meanwhile is a conflict (the caller's transaction rolls back).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addMissing(UUID tenantId, UUID loadBalancerId, List<ListenerSnapshot> wanted) {
        Set<UUID> present = repository.findByTenantIdAndLoadBalancerIdOrderByPort(tenantId, loadBalancerId).stream()
                .map(Listener::id).collect(Collectors.toSet());
        for (ListenerSnapshot listener : wanted) {
            if (!present.contains(listener.id())) {
                listeners.requirePortFree(loadBalancerId, listener.protocol(), listener.port());
                ListenerInfo info = info(listener);
                repository.saveAndFlush(new Listener(info.id(), tenantId, loadBalancerId, info.protocol(), info.port(),
                        info.defaultTargetGroupId(), clock.instant()));
            }
        }
    }

    private static ListenerInfo info(ListenerSnapshot listener) {
        return new ListenerInfo(listener.id(), listener.protocol(), listener.port(),
                listener.defaultAction().targetGroups().get(0).targetGroupId());
    }
}
