package dev.signalbox.panel.loadbalancer;

import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.MetricsApi;
import dev.signalbox.panel.api.model.LatencyPercentiles;
import dev.signalbox.panel.api.model.Metrics;
import dev.signalbox.panel.api.model.MetricsPoint;
import dev.signalbox.panel.api.model.MetricsTotals;
import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.panel.problem.InvalidFieldException;
import dev.signalbox.panel.problem.NotFoundException;
import dev.signalbox.panel.telemetry.MetricsWindow;
import dev.signalbox.panel.telemetry.TrafficCounts;
import dev.signalbox.panel.telemetry.TrafficHistory;
import dev.signalbox.panel.telemetry.TrafficPoint;
import dev.signalbox.panel.telemetry.TrafficScope;
import dev.signalbox.panel.telemetry.TrafficSeries;

@RestController
class LoadBalancerMetricsController implements MetricsApi {

    private final LoadBalancers loadBalancers;
    private final TargetGroupReferences targetGroups;
    private final TrafficHistory trafficHistory;
    private final CurrentPrincipal currentPrincipal;

    LoadBalancerMetricsController(LoadBalancers loadBalancers, TargetGroupReferences targetGroups,
            TrafficHistory trafficHistory, CurrentPrincipal currentPrincipal) {
        this.loadBalancers = loadBalancers;
        this.targetGroups = targetGroups;
        this.trafficHistory = trafficHistory;
        this.currentPrincipal = currentPrincipal;
    }

    /**
     * The target id is not checked against the registered targets: one deregistered during the
     * window still has traffic to show, and the buckets are under the caller's load balancer anyway.
     */
    @Override
    public ResponseEntity<Metrics> getLoadBalancerMetrics(UUID loadBalancerId, String window,
            @Nullable UUID targetGroupId, @Nullable UUID targetId) {
        MetricsWindow metricsWindow = MetricsWindow.of(window).orElseThrow(() -> new InvalidFieldException("/window",
                "must be one of " + String.join(", ", MetricsWindow.labels())));
        if (targetId != null && targetGroupId == null) {
            throw new InvalidFieldException("/targetId", "needs the targetGroupId of the target's group as well");
        }
        UUID tenantId = currentPrincipal.get().tenantId();
        loadBalancers.require(tenantId, loadBalancerId);
        if (targetGroupId != null && !targetGroups.belongsTo(tenantId, loadBalancerId, targetGroupId)) {
            throw new NotFoundException("No target group " + targetGroupId + " in load balancer " + loadBalancerId);
        }
        TrafficSeries series = trafficHistory.series(new TrafficScope(loadBalancerId, targetGroupId, targetId),
                metricsWindow);
        return ResponseEntity.ok(toDto(series).targetGroupId(targetGroupId).targetId(targetId));
    }

    private static Metrics toDto(TrafficSeries series) {
        TrafficCounts totals = series.totals();
        return new Metrics(Metrics.WindowEnum.fromValue(series.window().label()), series.window().stepSeconds(),
                series.startsAt().atOffset(ZoneOffset.UTC), series.endsAt().atOffset(ZoneOffset.UTC),
                series.points().stream().map(LoadBalancerMetricsController::toDto).toList(),
                new MetricsTotals(totals.requests(), totals.responses(1), totals.responses(2), totals.responses(3),
                        totals.responses(4), totals.responses(5), totals.bytesReceived(), totals.bytesSent(),
                        series.peakInFlight()).latencyMillis(latency(totals)));
    }

    private static MetricsPoint toDto(TrafficPoint point) {
        TrafficCounts counts = point.counts();
        return new MetricsPoint(point.start().atOffset(ZoneOffset.UTC), counts.requests(), counts.responses(1),
                counts.responses(2), counts.responses(3), counts.responses(4), counts.responses(5),
                counts.bytesReceived(), counts.bytesSent(), point.inFlight()).latencyMillis(latency(counts));
    }

    private static @Nullable LatencyPercentiles latency(TrafficCounts counts) {
        Double p50 = counts.latencyMillis(0.50);
        Double p90 = counts.latencyMillis(0.90);
        Double p99 = counts.latencyMillis(0.99);
        return p50 == null || p90 == null || p99 == null ? null : new LatencyPercentiles(p50, p90, p99);
    }
}
