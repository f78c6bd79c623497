/**
 * Reads the compacted config topic from the beginning and hands every snapshot and tombstone to the routing state.
 */
@NullMarked
package dev.signalbox.node.config;

import org.jspecify.annotations.NullMarked;
