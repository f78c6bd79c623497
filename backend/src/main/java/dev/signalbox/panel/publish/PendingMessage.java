package dev.signalbox.panel.publish;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What the relay sends for one load balancer: its latest snapshot, or null for a tombstone. */
record PendingMessage(UUID loadBalancerId, byte @Nullable [] snapshot) {
}
