package dev.signalbox.panel.publish;

import dev.signalbox.protocol.LoadBalancerSnapshot;

/**
 * A revision with the full configuration the load balancer had at it.
 *
 * @param entry    who, when, what
 * @param snapshot the configuration, as it was published to the nodes
 */
public record StoredRevision(RevisionEntry entry, LoadBalancerSnapshot snapshot) {
}
