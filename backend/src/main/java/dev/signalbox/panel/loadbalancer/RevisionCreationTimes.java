package dev.signalbox.panel.loadbalancer;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * When revisions of a load balancer were made. Implemented by the publishing feature, which keeps
 * the revisions and depends on this one, so the dependency runs one way only.
 */
public interface RevisionCreationTimes {

    /** Revision → when it was committed, for those of {@code revisions} still in the history. */
    Map<Long, Instant> of(UUID tenantId, UUID loadBalancerId, Set<Long> revisions);
}
