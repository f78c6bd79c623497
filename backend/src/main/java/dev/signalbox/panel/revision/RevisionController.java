package dev.signalbox.panel.revision;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.RevisionsApi;
import dev.signalbox.panel.api.model.RevisionChange;
import dev.signalbox.panel.api.model.Revision;
import dev.signalbox.panel.api.model.RevisionDetail;
import dev.signalbox.panel.api.model.RevisionDiff;
import dev.signalbox.panel.api.model.RevisionList;
import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.jsondiff.JsonTreeDiff;
import dev.signalbox.panel.jsondiff.JsonTreeDiff.UnkeyedArrays;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.publish.RevisionEntry;
import dev.signalbox.panel.publish.StoredRevision;
import tools.jackson.databind.json.JsonMapper;

@RestController
class RevisionController implements RevisionsApi {

    private final Revisions revisions;
    private final CurrentPrincipal currentPrincipal;
    private final JsonMapper json;

    RevisionController(Revisions revisions, CurrentPrincipal currentPrincipal, JsonMapper json) {
        this.revisions = revisions;
        this.currentPrincipal = currentPrincipal;
        this.json = json;
    }

    @Override
    public ResponseEntity<RevisionList> listRevisions(UUID loadBalancerId, Integer limit, @Nullable String cursor) {
        Page<RevisionEntry> page = revisions.list(currentPrincipal.get().tenantId(), loadBalancerId,
                PageQuery.of(limit, cursor));
        return ResponseEntity.ok(new RevisionList(page.items().stream().map(RevisionController::toDto).toList())
                .nextCursor(page.nextCursor()));
    }

    @Override
    public ResponseEntity<RevisionDetail> getRevision(UUID loadBalancerId, Long revision) {
        StoredRevision stored = revisions.get(currentPrincipal.get().tenantId(), loadBalancerId, revision);
        RevisionEntry entry = stored.entry();
        return ResponseEntity.ok(new RevisionDetail(entry.revision(), entry.actor(), entry.summary(),
                entry.createdAt().atOffset(ZoneOffset.UTC), ConfigurationViews.of(stored.snapshot())));
    }

    /** Compares the configurations as the API presents them, so pointers match GET …/revisions/{revision}. */
    @Override
    public ResponseEntity<RevisionDiff> diffRevisions(UUID loadBalancerId, Long fromRevision, Long toRevision) {
        UUID tenantId = currentPrincipal.get().tenantId();
        StoredRevision from = revisions.get(tenantId, loadBalancerId, fromRevision);
        StoredRevision to = revisions.get(tenantId, loadBalancerId, toRevision);
        var changes = JsonTreeDiff.between(json.valueToTree(ConfigurationViews.of(from.snapshot())),
                        json.valueToTree(ConfigurationViews.of(to.snapshot())), UnkeyedArrays.AS_SETS).stream()
                .map(change -> new RevisionChange(
                        RevisionChange.OpEnum.fromValue(change.op().name().toLowerCase(Locale.ROOT)),
                        change.pointer()).before(change.before()).after(change.after()))
                .toList();
        return ResponseEntity.ok(new RevisionDiff(fromRevision, toRevision, changes));
    }

    /** An {@code Idempotency-Key} is honoured by the idempotency filter around every create. */
    @Override
    public ResponseEntity<Revision> rollBack(UUID loadBalancerId, Long revision, @Nullable String ifMatch,
            @Nullable String idempotencyKey) {
        RevisionEntry created = revisions.rollBack(currentPrincipal.get(), loadBalancerId, revision,
                IfMatch.parse(ifMatch));
        return ResponseEntity.created(URI.create("/api/v1/load-balancers/" + loadBalancerId + "/revisions/"
                + created.revision())).body(toDto(created));
    }

    private static Revision toDto(RevisionEntry entry) {
        return new Revision(entry.revision(), entry.actor(), entry.summary(), entry.createdAt().atOffset(ZoneOffset.UTC));
    }
}
