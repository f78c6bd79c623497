package dev.signalbox.panel.targetgroup;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.TargetGroupsApi;
import dev.signalbox.panel.api.model.TargetGroup;
import dev.signalbox.panel.api.model.TargetGroupList;
import dev.signalbox.panel.api.model.TargetGroupRequest;
import dev.signalbox.panel.auth.CurrentPrincipal;

@RestController
class TargetGroupController implements TargetGroupsApi {

    private final TargetGroups targetGroups;
    private final CurrentPrincipal currentPrincipal;

    TargetGroupController(TargetGroups targetGroups, CurrentPrincipal currentPrincipal) {
        this.targetGroups = targetGroups;
        this.currentPrincipal = currentPrincipal;
    }

    @Override
    public ResponseEntity<TargetGroupList> listTargetGroups(UUID loadBalancerId) {
        var items = targetGroups.list(currentPrincipal.get().tenantId(), loadBalancerId).stream()
                .map(TargetGroupDtos::toDto).toList();
        return ResponseEntity.ok(new TargetGroupList(items));
    }

    @Override
    public ResponseEntity<TargetGroup> createTargetGroup(UUID loadBalancerId, TargetGroupRequest request) {
        TargetGroupInfo created = targetGroups.create(currentPrincipal.get(), loadBalancerId,
                TargetGroupDtos.settings(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(TargetGroupDtos.toDto(created));
    }

    @Override
    public ResponseEntity<TargetGroup> getTargetGroup(UUID loadBalancerId, UUID targetGroupId) {
        return ResponseEntity.ok(TargetGroupDtos.toDto(
                targetGroups.get(currentPrincipal.get().tenantId(), loadBalancerId, targetGroupId)));
    }

    @Override
    public ResponseEntity<TargetGroup> updateTargetGroup(UUID loadBalancerId, UUID targetGroupId,
            TargetGroupRequest request) {
        return ResponseEntity.ok(TargetGroupDtos.toDto(targetGroups.update(currentPrincipal.get(), loadBalancerId,
                targetGroupId, TargetGroupDtos.settings(request))));
    }

    @Override
    public ResponseEntity<Void> deleteTargetGroup(UUID loadBalancerId, UUID targetGroupId) {
        targetGroups.delete(currentPrincipal.get(), loadBalancerId, targetGroupId);
        return ResponseEntity.noContent().build();
    }
}
