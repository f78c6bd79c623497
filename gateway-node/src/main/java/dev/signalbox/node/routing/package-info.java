/**
 * What the node serves: the applied snapshots, the immutable routing index built from them, and
 * what a request consults on its way to a target (sticky sessions, requests in flight, draining).
 */
@NullMarked
package dev.signalbox.node.routing;

import org.jspecify.annotations.NullMarked;
