package dev.signalbox.panel.loadbalancer;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.RuleSnapshot;

/**
 * Puts the listeners (with their rules, default actions and TLS settings), extra host names and
 * tags of a load balancer back to those of a snapshot, keeping every id (for a rollback). In two
 * steps around the target groups' own restore, because listeners and rules reference target
 * groups: first everything that references them goes, then the snapshot's listeners come back.
 * Ports and host names are claimed again in the fleet-wide {@link PortRegistry}, so one another
 * load balancer took meanwhile is a 409 and the caller's transaction rolls back as a whole. Both
 * steps run inside the caller's transaction, which must hold {@link LoadBalancers#lockForChange}.
 */
@Service
public class ListenerRestorer {

    private final ListenerRepository listeners;
    private final RuleRepository rules;
    private final PortRegistry ports;
    private final ForwardReferences forwardReferences;
    private final LoadBalancerAttributeStore attributes;
    private final Clock clock;

    ListenerRestorer(ListenerRepository listeners, RuleRepository rules, PortRegistry ports,
            ForwardReferences forwardReferences, LoadBalancerAttributeStore attributes, Clock clock) {
        this.listeners = listeners;
        this.rules = rules;
        this.ports = ports;
        this.forwardReferences = forwardReferences;
        this.attributes = attributes;
        this.clock = clock;
    }

    /** Removes every listener and rule, freeing their ports and host names (the database drops their references). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void removeAll(UUID tenantId, UUID loadBalancerId) {
        rules.deleteAll(rules.findByTenantIdAndLoadBalancerIdOrderByPriority(tenantId, loadBalancerId));
        rules.flush();
        for (Listener listener : listeners.findByTenantIdAndLoadBalancerIdOrderByPort(tenantId, loadBalancerId)) {
            ports.releaseListener(listener.id());
            listeners.delete(listener);
        }
        listeners.flush();
    }

    /**
     * Restores the extra host names and tags, then the snapshot's listeners and rules, claiming
     * their ports and host names as a new listener would.
     *
     * @param dnsName the generated name, which a snapshot lists first among its host names
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addAll(UUID tenantId, UUID loadBalancerId, String dnsName, LoadBalancerSnapshot wanted) {
        List<String> hostNames = wanted.hostNames().stream().filter(host -> !host.equals(dnsName)).toList();
        List<LoadBalancerAttributes.Tag> tags = wanted.tags().entrySet().stream()
                .map(tag -> new LoadBalancerAttributes.Tag(tag.getKey(), tag.getValue())).toList();
        attributes.replace(tenantId, loadBalancerId, new LoadBalancerAttributes(hostNames, tags));
        ports.claimHostNames(loadBalancerId, hostNames);
        for (ListenerSnapshot listener : wanted.listeners()) {
            ListenerSettings settings = new ListenerSettings(listener.protocol(), listener.port(),
                    listener.defaultAction(), listener.tlsPolicy(), listener.certificateIds());
            listeners.saveAndFlush(new Listener(listener.id(), tenantId, loadBalancerId, settings, clock.instant()));
            ports.claimListener(loadBalancerId, listener.id(), listener.protocol(), listener.port(), hostNames);
            forwardReferences.replaceForListener(tenantId, loadBalancerId, listener.id(), listener.defaultAction());
            for (RuleSnapshot rule : listener.rules()) {
                rules.saveAndFlush(new Rule(rule.id(), tenantId, loadBalancerId, listener.id(),
                        new RuleSettings(rule.priority(), rule.conditions(), rule.action()), clock.instant()));
                forwardReferences.replaceForRule(tenantId, loadBalancerId, rule.id(), rule.action());
            }
        }
    }
}
