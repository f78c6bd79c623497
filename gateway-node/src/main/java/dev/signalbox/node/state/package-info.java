/**
 * Static stability: the last applied snapshots kept on local disk, so a node restarted while Kafka
 * or the panel is down still serves the config it had.
 */
@NullMarked
package dev.signalbox.node.state;

import org.jspecify.annotations.NullMarked;
