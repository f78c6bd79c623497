package dev.signalbox.panel.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.AuditApi;
import dev.signalbox.panel.api.model.AuditChange;
import dev.signalbox.panel.api.model.AuditEvent;
import dev.signalbox.panel.api.model.AuditEventPage;
import dev.signalbox.panel.auth.CurrentPrincipal;

/** The tenant's audit log for admins and editors (the security rules keep viewers out). */
@RestController
class AuditController implements AuditApi {

    private final AuditLog log;
    private final CurrentPrincipal currentPrincipal;

    AuditController(AuditLog log, CurrentPrincipal currentPrincipal) {
        this.log = log;
        this.currentPrincipal = currentPrincipal;
    }

    @Override
    public ResponseEntity<AuditEventPage> listAuditEvents(@Nullable String actor, @Nullable String action,
            @Nullable String resourceType, @Nullable String resourceId, @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to, Integer limit, @Nullable String cursor) {
        int pageSize = limit == null ? 50 : limit;
        Long before = cursor == null || cursor.isBlank() ? null : AuditCursor.parse(cursor);
        // one more than asked tells whether another page follows
        List<AuditEntry> found = log.find(new AuditLog.Filter(currentPrincipal.get().tenantId(), blankToNull(actor),
                blankToNull(action), blankToNull(resourceType), blankToNull(resourceId),
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), before, pageSize + 1));
        List<AuditEntry> page = found.subList(0, Math.min(pageSize, found.size()));
        AuditEventPage body = new AuditEventPage(page.stream().map(AuditController::toDto).toList());
        if (found.size() > pageSize) {
            body.setNextCursor(AuditCursor.after(page.get(page.size() - 1).id()));
        }
        return ResponseEntity.ok(body);
    }

    private static AuditEvent toDto(AuditEntry entry) {
        List<AuditChange> changes = entry.changes().stream().map(change -> {
            AuditChange dto = new AuditChange(change.pointer());
            dto.setBefore(change.before());
            dto.setAfter(change.after());
            return dto;
        }).toList();
        AuditEvent event = new AuditEvent(Long.toString(entry.id()), entry.occurredAt().atOffset(ZoneOffset.UTC),
                entry.actor().display(), entry.action(), entry.resourceType(), changes);
        event.setActorEmail(entry.actor().email());
        event.setActorTokenId(entry.actor().tokenId());
        event.setResourceId(entry.resourceId());
        event.setSummary(entry.summary());
        event.setSourceAddress(entry.sourceAddress());
        return event;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
