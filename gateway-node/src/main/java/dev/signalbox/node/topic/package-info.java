/**
 * Reads a compacted topic whole, from the beginning, on every node: the mechanics the config and
 * certificate readers share (no consumer group, retries with backoff, catching up).
 */
@NullMarked
package dev.signalbox.node.topic;

import org.jspecify.annotations.NullMarked;
