package dev.signalbox.panel.idempotency;

import java.util.UUID;

/** Keys are per tenant and user: the same key from someone else is another request. */
record IdempotencyScope(UUID tenantId, UUID userId, String key) {
}
