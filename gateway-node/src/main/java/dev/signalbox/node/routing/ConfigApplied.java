package dev.signalbox.node.routing;

/**
 * Published after a new config took effect, on the thread that applied it.
 *
 * @param config the config now served
 */
public record ConfigApplied(AppliedConfig config) {
}
