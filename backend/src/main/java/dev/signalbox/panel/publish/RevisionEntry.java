package dev.signalbox.panel.publish;

import java.time.Instant;

/**
 * One revision of a load balancer in its history: who made which change when.
 *
 * @param revision  the revision number
 * @param actor     who made the change
 * @param summary   what changed, in words
 * @param createdAt when it was committed
 */
public record RevisionEntry(long revision, String actor, String summary, Instant createdAt) {
}
