/**
 * What the node tells the panel over Kafka, each kind on its own producer and thread: heartbeats
 * with the applied revisions, the health of every target it checks, and metrics windows.
 */
@NullMarked
package dev.signalbox.node.report;

import org.jspecify.annotations.NullMarked;
