/**
 * Heartbeats with the applied revisions to the node status topic.
 */
@NullMarked
package dev.signalbox.node.report;

import org.jspecify.annotations.NullMarked;
