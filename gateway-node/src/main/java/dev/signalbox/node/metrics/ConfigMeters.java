package dev.signalbox.node.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.AppliedLoadBalancer;
import dev.signalbox.node.routing.ConfigApplied;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The applied config on the admin port: {@code signalbox_config_revision} per load balancer,
 * {@code signalbox_config_load_balancers} served, and {@code signalbox_config_snapshots_applied_total}.
 */
@Component
class ConfigMeters {

    static final String REVISION = "signalbox.config.revision";
    static final String LOAD_BALANCERS = "signalbox.config.load.balancers";
    static final String SNAPSHOTS_APPLIED = "signalbox.config.snapshots.applied";

    private final ActiveConfig activeConfig;
    private final BoundMeters revisions;
    private final Counter snapshotsApplied;
    private AppliedConfig followed = AppliedConfig.EMPTY;

    ConfigMeters(ActiveConfig activeConfig, MeterRegistry registry) {
        this.activeConfig = activeConfig;
        this.revisions = new BoundMeters(registry);
        Gauge.builder(LOAD_BALANCERS, activeConfig, active -> active.current().loadBalancers().size())
                .description("Load balancers whose snapshot the node serves")
                .strongReference(true)
                .register(registry);
        this.snapshotsApplied = Counter.builder(SNAPSHOTS_APPLIED)
                .description("Snapshots (new revisions of a load balancer) the node applied")
                .register(registry);
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
        if (config == followed) {
            return;
        }
        Set<UUID> served = new HashSet<>();
        for (AppliedLoadBalancer applied : config.loadBalancers()) {
            served.add(applied.id());
            AppliedLoadBalancer before = followed.loadBalancer(applied.id());
            if (before == applied) {
                continue;
            }
            snapshotsApplied.increment();
            if (before == null) {
                bindRevision(applied.id());
            }
        }
        revisions.retainOnly(served);
        followed = config;
    }

    private void bindRevision(UUID loadBalancerId) {
        // reads the config when scraped, so a later revision of the load balancer needs no new gauge
        revisions.rebind(loadBalancerId, List.of(Gauge.builder(REVISION,
                        () -> revisionOf(loadBalancerId))
                .description("The revision of a load balancer the node serves")
                .tag("load_balancer", loadBalancerId.toString())
                .register(revisions.registry())));
    }

    private double revisionOf(UUID loadBalancerId) {
        AppliedLoadBalancer applied = activeConfig.current().loadBalancer(loadBalancerId);
        return applied == null ? Double.NaN : applied.snapshot().revision();
    }
}
