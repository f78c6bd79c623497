package dev.signalbox.panel.revision;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.loadbalancer.ListenerRestorer;
import dev.signalbox.panel.loadbalancer.LoadBalancerInfo;
import dev.signalbox.panel.loadbalancer.LoadBalancers;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.problem.NotFoundException;
import dev.signalbox.panel.publish.RevisionEntry;
import dev.signalbox.panel.publish.RevisionHistory;
import dev.signalbox.panel.publish.StoredRevision;
import dev.signalbox.panel.targetgroup.TargetGroupRestorer;
import dev.signalbox.protocol.LoadBalancerSnapshot;

/** The revisions of a tenant's load balancers, and rolling one back. */
@Service
class Revisions {

    private final LoadBalancers loadBalancers;
    private final RevisionHistory history;
    private final ListenerRestorer listeners;
    private final TargetGroupRestorer targetGroups;

    Revisions(LoadBalancers loadBalancers, RevisionHistory history, ListenerRestorer listeners,
            TargetGroupRestorer targetGroups) {
        this.loadBalancers = loadBalancers;
        this.history = history;
        this.listeners = listeners;
        this.targetGroups = targetGroups;
    }

    @Transactional(readOnly = true)
    Page<RevisionEntry> list(UUID tenantId, UUID loadBalancerId, PageQuery page) {
        loadBalancers.require(tenantId, loadBalancerId);
        return history.list(tenantId, loadBalancerId, page);
    }

    @Transactional(readOnly = true)
    StoredRevision get(UUID tenantId, UUID loadBalancerId, long revision) {
        loadBalancers.require(tenantId, loadBalancerId);
        return find(tenantId, loadBalancerId, revision);
    }

    /**
     * Makes listeners (with their rules), target groups, targets, extra host names and tags what
     * they were at {@code revision}, as one new
     * revision, all or nothing. The load balancer stays locked from the If-Match check to the
     * commit, so no other change slips in between.
     */
    @Transactional
    RevisionEntry rollBack(SignalboxPrincipal actor, UUID loadBalancerId, long revision, IfMatch ifMatch) {
        UUID tenantId = actor.tenantId();
        LoadBalancerInfo current = loadBalancers.lockForChange(tenantId, loadBalancerId);
        ifMatch.verify(current.entityTag());
        LoadBalancerSnapshot wanted = find(tenantId, loadBalancerId, revision).snapshot();
        listeners.removeAll(tenantId, loadBalancerId);
        targetGroups.restore(tenantId, loadBalancerId, wanted.targetGroups());
        listeners.addAll(tenantId, loadBalancerId, current.dnsName(), wanted);
        long next = loadBalancers.revise(tenantId, loadBalancerId, actor.actor(), "Rolled back to revision " + revision);
        return find(tenantId, loadBalancerId, next).entry();
    }

    private StoredRevision find(UUID tenantId, UUID loadBalancerId, long revision) {
        return history.find(tenantId, loadBalancerId, revision).orElseThrow(() -> new NotFoundException(
                "Load balancer " + loadBalancerId + " has no revision " + revision));
    }
}
