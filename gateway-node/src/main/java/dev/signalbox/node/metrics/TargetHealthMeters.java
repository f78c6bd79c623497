package dev.signalbox.node.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.signalbox.node.health.HealthState;
import dev.signalbox.node.health.ProbeOutcome;
import dev.signalbox.node.health.ProbeResult;
import dev.signalbox.node.health.TargetHealthRegistry;
import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.AppliedLoadBalancer;
import dev.signalbox.node.routing.ConfigApplied;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Target health on the admin port: {@code signalbox_target_health}, 1 for the state each target is
 * in and 0 for the others, and {@code signalbox_health_probes_total} per group and outcome. Bound
 * when a snapshot is applied; the gauges read the health registry when scraped.
 */
@Component
class TargetHealthMeters {

    static final String TARGET_HEALTH = "signalbox.target.health";
    static final String PROBES = "signalbox.health.probes";

    /** The meters bound for one snapshot; probe counters by group id, indexed by outcome. */
    private record Bound(LoadBalancerSnapshot snapshot, Map<UUID, Counter[]> probesByGroup) {
    }

    private final ActiveConfig activeConfig;
    private final TargetHealthRegistry health;
    private final BoundMeters gauges;
    private final BoundMeters counters;
    private final Map<UUID, Bound> bound = new HashMap<>();
    private volatile Map<UUID, Counter[]> probesByGroup = Map.of();

    TargetHealthMeters(ActiveConfig activeConfig, TargetHealthRegistry health, MeterRegistry registry) {
        this.activeConfig = activeConfig;
        this.health = health;
        this.gauges = new BoundMeters(registry);
        this.counters = new BoundMeters(registry);
        health.addProbeListener(this::countProbe);
    }

    /**
     * Follows the config served now rather than the event's, so that a late start-up event never
     * takes it back to an older config; at start-up it picks up a config applied before this
     * listener existed, such as one restored from disk.
     */
    @EventListener({ConfigApplied.class, ApplicationReadyEvent.class})
    public synchronized void followActiveConfig() {
        follow(activeConfig.current());
    }

    synchronized void follow(AppliedConfig config) {
        Map<UUID, Counter[]> probes = new HashMap<>();
        Map<UUID, Bound> next = new HashMap<>();
        for (AppliedLoadBalancer applied : config.loadBalancers()) {
            Bound meters = bound.get(applied.id());
            if (meters == null || meters.snapshot() != applied.snapshot()) {
                meters = bind(applied.snapshot());
            }
            next.put(applied.id(), meters);
            probes.putAll(meters.probesByGroup());
        }
        bound.clear();
        bound.putAll(next);
        gauges.retainOnly(next.keySet());
        counters.retainOnly(next.keySet());
        probesByGroup = Map.copyOf(probes);
    }

    private Bound bind(LoadBalancerSnapshot snapshot) {
        String loadBalancerId = snapshot.id().toString();
        // a gauge keeps the target it was registered with: a moved target needs a new one, so all are new
        gauges.unbind(snapshot.id());
        List<Meter> healthGauges = new ArrayList<>();
        List<Meter> probeCounters = new ArrayList<>();
        Map<UUID, Counter[]> probes = new HashMap<>();
        for (TargetGroupSnapshot group : snapshot.targetGroups()) {
            for (TargetSnapshot target : group.targets()) {
                for (HealthState state : HealthState.values()) {
                    healthGauges.add(Gauge.builder(TARGET_HEALTH,
                                    () -> health.state(group.id(), target) == state ? 1 : 0)
                            .description("1 for the health state a target is in, 0 for the others")
                            .tag("load_balancer", loadBalancerId)
                            .tag("target_group", group.id().toString())
                            .tag("target", target.id().toString())
                            .tag("state", state.name().toLowerCase(Locale.ROOT))
                            .register(gauges.registry()));
                }
            }
            Counter[] outcomes = new Counter[ProbeOutcome.values().length];
            for (ProbeOutcome outcome : ProbeOutcome.values()) {
                outcomes[outcome.ordinal()] = Counter.builder(PROBES)
                        .description("Health check probes, by outcome")
                        .tag("load_balancer", loadBalancerId)
                        .tag("target_group", group.id().toString())
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(counters.registry());
                probeCounters.add(outcomes[outcome.ordinal()]);
            }
            probes.put(group.id(), outcomes);
        }
        gauges.rebind(snapshot.id(), healthGauges);
        counters.rebind(snapshot.id(), probeCounters);
        return new Bound(snapshot, Map.copyOf(probes));
    }

    private void countProbe(UUID groupId, TargetSnapshot target, ProbeResult result) {
        Counter[] outcomes = probesByGroup.get(groupId);
        if (outcomes != null) {
            outcomes[result.outcome().ordinal()].increment();
        }
    }
}
