/**
 * Picks one target of a target group per request. Algorithms are pure: no I/O, no logging, and the
 * clock and randomness they use are injected (a nanosecond LongSupplier and a RandomGenerator).
 */
@NullMarked
package dev.signalbox.node.balancing;

import org.jspecify.annotations.NullMarked;
