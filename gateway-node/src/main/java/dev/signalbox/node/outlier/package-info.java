/**
 * Passive outlier detection, as Envoy's consecutive failures: every attempt to forward a request
 * tells the detector how its target did, and a target that fails too many times in a row is
 * ejected from selection for a while, growing with each ejection. Health filtering in
 * {@code health} leaves ejected targets out, and panic mode brings them back when too few remain.
 */
@NullMarked
package dev.signalbox.node.outlier;

import org.jspecify.annotations.NullMarked;
