/**
 * What the node serves: the applied snapshots, the immutable routing index built from them, and the Spring Cloud Gateway hooks that route an exchange through it.
 */
@NullMarked
package dev.signalbox.node.routing;

import org.jspecify.annotations.NullMarked;
