package dev.signalbox.panel.revision;

import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.configuration.Configurations;
import dev.signalbox.panel.loadbalancer.LoadBalancers;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.problem.NotFoundException;
import dev.signalbox.panel.publish.RevisionEntry;
import dev.signalbox.panel.publish.RevisionHistory;
import dev.signalbox.panel.publish.StoredRevision;
import dev.signalbox.protocol.LoadBalancerSnapshot;

/** The revisions of a tenant's load balancers, and rolling one back. */
@Service
class Revisions {

    private final LoadBalancers loadBalancers;
    private final RevisionHistory history;
    private final Configurations configurations;

    Revisions(LoadBalancers loadBalancers, RevisionHistory history, Configurations configurations) {
        this.loadBalancers = loadBalancers;
        this.history = history;
        this.configurations = configurations;
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
     * Makes the configuration what it was at {@code revision} as one new revision, all or nothing,
     * by applying that revision's snapshot like a PUT of the whole configuration (what is unchanged
     * keeps its id). The load balancer stays locked from the If-Match check to the commit, so no
     * other change slips in between. A rollback to a configuration equal to the current one is
     * still recorded as a revision, so it always answers with the revision it made.
     */
    @Transactional
    RevisionEntry rollBack(SignalboxPrincipal actor, UUID loadBalancerId, long revision, IfMatch ifMatch) {
        UUID tenantId = actor.tenantId();
        ifMatch.verify(loadBalancers.lockForChange(tenantId, loadBalancerId).entityTag());
        LoadBalancerSnapshot wanted = find(tenantId, loadBalancerId, revision).snapshot();
        String summary = "Rolled back to revision " + revision;
        OptionalLong restored = configurations.restore(actor, loadBalancerId, wanted, summary);
        long next = restored.isPresent() ? restored.getAsLong()
                : loadBalancers.revise(tenantId, loadBalancerId, actor.actor(), summary);
        return find(tenantId, loadBalancerId, next).entry();
    }

    private StoredRevision find(UUID tenantId, UUID loadBalancerId, long revision) {
        return history.find(tenantId, loadBalancerId, revision).orElseThrow(() -> new NotFoundException(
                "Load balancer " + loadBalancerId + " has no revision " + revision));
    }
}
