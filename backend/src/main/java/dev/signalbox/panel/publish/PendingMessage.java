package dev.signalbox.panel.publish;

import org.jspecify.annotations.Nullable;

/**
 * What the relay sends: the latest message of one key of a topic (a load balancer's snapshot on the
 * config topic, a certificate's on the certificates topic), or null for a tombstone.
 */
record PendingMessage(String topic, String key, byte @Nullable [] value) {
}
