/**
 * Live state reported by gateway nodes: status messages from Kafka are kept in Redis, and
 * {@link dev.signalbox.panel.telemetry.NodeRevisions} tells which live node applied which revision.
 */
@NullMarked
package dev.signalbox.panel.telemetry;

import org.jspecify.annotations.NullMarked;
