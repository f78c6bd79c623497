package dev.signalbox.protocol;

import java.time.Instant;

/**
 * A revision a node serves for one load balancer.
 *
 * @param revision  the revision
 * @param appliedAt when the node started serving it
 */
public record AppliedRevision(long revision, Instant appliedAt) {
}
