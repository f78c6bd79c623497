/**
 * Publishing configuration to the gateway nodes: every revision's full snapshot is stored and an
 * outbox row written in the transaction of the change; a relay delivers the latest snapshot of each
 * load balancer (or a tombstone) to the compacted config topic, and of each certificate, its key
 * sealed, to the compacted certificates topic.
 */
@NullMarked
package dev.signalbox.panel.publish;

import org.jspecify.annotations.NullMarked;
