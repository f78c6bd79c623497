/**
 * Picks one target of a target group per request. Algorithms are pure: no I/O, no clock, no logging.
 */
@NullMarked
package dev.signalbox.node.balancing;

import org.jspecify.annotations.NullMarked;
