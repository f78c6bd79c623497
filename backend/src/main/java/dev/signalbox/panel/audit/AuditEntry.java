package dev.signalbox.panel.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One row of the audit log. */
record AuditEntry(long id, @Nullable UUID tenantId, Instant occurredAt, AuditActor actor, String action,
        String resourceType, @Nullable String resourceId, @Nullable String summary, @Nullable String sourceAddress,
        List<AuditedChange> changes) {
}
