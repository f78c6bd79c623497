/**
 * Idempotent creates: a POST with an {@code Idempotency-Key} runs in one transaction with the
 * remembered response it produces, under a lock on the key, so a retry gets the first response
 * and a concurrent duplicate is told the first one is still running.
 */
@NullMarked
package dev.signalbox.panel.idempotency;

import org.jspecify.annotations.NullMarked;
