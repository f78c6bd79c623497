package dev.signalbox.panel.targetgroup;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.TargetHealthApi;
import dev.signalbox.panel.api.model.HealthProbe;
import dev.signalbox.panel.api.model.NodeTargetHealth;
import dev.signalbox.panel.api.model.TargetHealth;
import dev.signalbox.panel.api.model.TargetHealthList;
import dev.signalbox.panel.api.model.TargetHealthState;
import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.panel.telemetry.TargetHealthReading;
import dev.signalbox.panel.telemetry.GroupHealthReadings;
import dev.signalbox.panel.telemetry.TargetHealthReadings;
import dev.signalbox.protocol.ProbeSnapshot;
import dev.signalbox.protocol.TargetHealthStatus;

@RestController
class TargetHealthController implements TargetHealthApi {

    private final Targets targets;
    private final TargetHealthReadings readings;
    private final CurrentPrincipal currentPrincipal;

    TargetHealthController(Targets targets, TargetHealthReadings readings, CurrentPrincipal currentPrincipal) {
        this.targets = targets;
        this.readings = readings;
        this.currentPrincipal = currentPrincipal;
    }

    @Override
    public ResponseEntity<TargetHealthList> getTargetHealth(UUID loadBalancerId, UUID targetGroupId) {
        // the group must be the caller's before its live state (keyed by ids only) is read
        var registered = targets.registered(currentPrincipal.get().tenantId(), loadBalancerId, targetGroupId);
        GroupHealthReadings reported = readings.of(loadBalancerId, targetGroupId);
        var summaries = TargetHealthSummary.of(registered, reported.byTarget());
        return ResponseEntity.ok(new TargetHealthList(summaries.stream().map(TargetHealthController::toDto).toList(),
                reported.panicNodes()));
    }

    private static TargetHealth toDto(TargetHealthSummary summary) {
        return new TargetHealth(summary.targetId(), summary.host(), summary.port(), summary.registered(),
                state(summary.state()), summary.nodes().stream().map(TargetHealthController::toDto).toList())
                .reason(summary.reason());
    }

    private static NodeTargetHealth toDto(TargetHealthReading node) {
        TargetHealthStatus status = node.status();
        return new NodeTargetHealth(node.nodeId(), state(status.state()), time(status.since()), time(node.reportedAt()),
                // a probe without its time (a node's bug) cannot be placed; the others still can
                status.lastProbes().stream().filter(probe -> probe.at() != null).map(TargetHealthController::toDto)
                        .toList())
                .reason(status.reason())
                .ejectedUntil(status.ejectedUntil() == null ? null : time(status.ejectedUntil()));
    }

    private static HealthProbe toDto(ProbeSnapshot probe) {
        return new HealthProbe(time(probe.at()), probe.latencyMillis(), probe.success())
                .reason(probe.reason())
                .statusCode(probe.statusCode());
    }

    private static TargetHealthState state(dev.signalbox.protocol.TargetHealthState state) {
        return TargetHealthState.valueOf(state.name());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
