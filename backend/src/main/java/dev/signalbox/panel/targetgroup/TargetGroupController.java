package dev.signalbox.panel.targetgroup;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.TargetGroupsApi;
import dev.signalbox.panel.api.model.TargetGroup;
import dev.signalbox.panel.api.model.TargetGroupList;
import dev.signalbox.panel.api.model.TargetGroupRequest;
import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.NameFilter;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;

@RestController
class TargetGroupController implements TargetGroupsApi {

    private final TargetGroups targetGroups;
    private final CurrentPrincipal currentPrincipal;

    TargetGroupController(TargetGroups targetGroups, CurrentPrincipal currentPrincipal) {
        this.targetGroups = targetGroups;
        this.currentPrincipal = currentPrincipal;
    }

    @Override
    public ResponseEntity<TargetGroupList> listTargetGroups(UUID loadBalancerId, Integer limit, @Nullable String cursor,
            @Nullable String name, @Nullable String namePrefix) {
        Page<TargetGroupInfo> page = targetGroups.list(currentPrincipal.get().tenantId(), loadBalancerId,
                NameFilter.of(name, namePrefix), PageQuery.of(limit, cursor));
        return ResponseEntity.ok(new TargetGroupList(page.items().stream().map(TargetGroupDtos::toDto).toList())
                .nextCursor(page.nextCursor()));
    }

    /** An {@code Idempotency-Key} is honoured by the idempotency filter around every create. */
    @Override
    public ResponseEntity<TargetGroup> createTargetGroup(UUID loadBalancerId, TargetGroupRequest request,
            @Nullable String idempotencyKey) {
        TargetGroupInfo created = targetGroups.create(currentPrincipal.get(), loadBalancerId,
                TargetGroupDtos.settings(request));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(created.entityTag().header())
                .body(TargetGroupDtos.toDto(created));
    }

    @Override
    public ResponseEntity<TargetGroup> getTargetGroup(UUID loadBalancerId, UUID targetGroupId) {
        TargetGroupInfo info = targetGroups.get(currentPrincipal.get().tenantId(), loadBalancerId, targetGroupId);
        return ResponseEntity.ok().eTag(info.entityTag().header()).body(TargetGroupDtos.toDto(info));
    }

    @Override
    public ResponseEntity<TargetGroup> updateTargetGroup(UUID loadBalancerId, UUID targetGroupId,
            TargetGroupRequest request, @Nullable String ifMatch) {
        TargetGroupInfo updated = targetGroups.update(currentPrincipal.get(), loadBalancerId, targetGroupId,
                TargetGroupDtos.settings(request), IfMatch.parse(ifMatch));
        return ResponseEntity.ok().eTag(updated.entityTag().header()).body(TargetGroupDtos.toDto(updated));
    }

    @Override
    public ResponseEntity<Void> deleteTargetGroup(UUID loadBalancerId, UUID targetGroupId, @Nullable String ifMatch) {
        targetGroups.delete(currentPrincipal.get(), loadBalancerId, targetGroupId, IfMatch.parse(ifMatch));
        return ResponseEntity.noContent().build();
    }
}
