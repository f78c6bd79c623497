/**
 * What happens when a request cannot be carried to its target: how an attempt failed and what the
 * client is told, which failures are tried again on another target, and the retry budget that
 * keeps retries from multiplying the load on a failing target group.
 */
@NullMarked
package dev.signalbox.node.retry;

import org.jspecify.annotations.NullMarked;
