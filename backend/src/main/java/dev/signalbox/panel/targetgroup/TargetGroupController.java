package dev.signalbox.panel.targetgroup;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.TargetGroupsApi;
import dev.signalbox.panel.api.model.HealthCheck;
import dev.signalbox.panel.api.model.TargetGroup;
import dev.signalbox.panel.api.model.TargetGroupList;
import dev.signalbox.panel.api.model.TargetGroupRequest;
import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.TargetProtocol;

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
                .map(TargetGroupController::toDto).toList();
        return ResponseEntity.ok(new TargetGroupList(items));
    }

    @Override
    public ResponseEntity<TargetGroup> createTargetGroup(UUID loadBalancerId, TargetGroupRequest request) {
        TargetProtocol protocol = request.getProtocol() == null ? TargetProtocol.HTTP
                : TargetProtocol.valueOf(request.getProtocol().getValue());
        Algorithm algorithm = request.getAlgorithm() == null ? Algorithm.ROUND_ROBIN
                : Algorithm.valueOf(request.getAlgorithm().getValue());
        HealthCheckSnapshot healthCheck = HealthCheckRequests.withDefaults(request.getHealthCheck());
        TargetGroupSettings settings = new TargetGroupSettings(request.getName(), protocol, algorithm, healthCheck);
        TargetGroupInfo created = targetGroups.create(currentPrincipal.get(), loadBalancerId, settings);
        return ResponseEntity.status(HttpStatus.CREATED).body(toDto(created));
    }

    @Override
    public ResponseEntity<TargetGroup> getTargetGroup(UUID loadBalancerId, UUID targetGroupId) {
        return ResponseEntity.ok(toDto(targetGroups.get(currentPrincipal.get().tenantId(), loadBalancerId, targetGroupId)));
    }

    @Override
    public ResponseEntity<Void> deleteTargetGroup(UUID loadBalancerId, UUID targetGroupId) {
        targetGroups.delete(currentPrincipal.get(), loadBalancerId, targetGroupId);
        return ResponseEntity.noContent().build();
    }

    private static TargetGroup toDto(TargetGroupInfo info) {
        HealthCheckSnapshot check = info.healthCheck();
        HealthCheck healthCheck = new HealthCheck()
                .protocol(HealthCheck.ProtocolEnum.fromValue(check.protocol().name()))
                .path(check.path())
                .port(check.port())
                .intervalSeconds(check.intervalSeconds())
                .timeoutSeconds(check.timeoutSeconds())
                .healthyThreshold(check.healthyThreshold())
                .unhealthyThreshold(check.unhealthyThreshold())
                .matcher(check.matcher());
        return new TargetGroup(info.id(), info.name(), TargetGroup.ProtocolEnum.fromValue(info.protocol().name()),
                TargetGroup.AlgorithmEnum.fromValue(info.algorithm().name()), healthCheck);
    }
}
