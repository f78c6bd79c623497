/**
 * Conditional requests (optimistic concurrency): strong entity tags computed from a resource's
 * configuration, and {@code If-Match} checked by a service inside the transaction of the change,
 * after it locked the row, so a check and its write cannot be interleaved by another writer.
 */
@NullMarked
package dev.signalbox.panel.conditional;

import org.jspecify.annotations.NullMarked;
