package dev.signalbox.node.health;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.signalbox.node.balancing.ThreadLocalRandomGenerator;
import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.AppliedLoadBalancer;
import dev.signalbox.node.routing.ConfigApplied;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * Keeps one {@link GroupHealthChecker} per target group of the served config: starts checkers for
 * new groups, stops those of groups that are gone, and restarts a checker whose group changed. Target
 * health lives in the registry, so a restart keeps the state of targets that stayed.
 */
@Component
public class HealthCheckScheduler implements DisposableBean {

    private final ActiveConfig activeConfig;
    private final TargetHealthRegistry registry;
    private final HealthProperties properties;
    private final HealthProber prober;
    private final Map<UUID, GroupHealthChecker> checkers = new HashMap<>();

    public HealthCheckScheduler(ActiveConfig activeConfig, TargetHealthRegistry registry, HealthProperties properties,
            Clock clock) {
        this.activeConfig = activeConfig;
        this.registry = registry;
        this.properties = properties;
        this.prober = new HealthProber(clock, System::nanoTime);
    }

    @EventListener
    public void onConfigApplied(ConfigApplied applied) {
        follow(applied.config());
    }

    /** Picks up a config applied before this listener existed, such as one restored from disk. */
    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        follow(activeConfig.current());
    }

    synchronized void follow(AppliedConfig config) {
        Map<UUID, TargetGroupSnapshot> groups = new HashMap<>();
        Set<TargetKey> targets = new HashSet<>();
        for (AppliedLoadBalancer loadBalancer : config.loadBalancers()) {
            for (TargetGroupSnapshot group : loadBalancer.snapshot().targetGroups()) {
                groups.put(group.id(), group);
                registry.register(group.id(), group.targets());
                for (TargetSnapshot target : group.targets()) {
                    targets.add(TargetKey.of(group.id(), target));
                }
            }
        }
        checkers.entrySet().removeIf(entry -> {
            boolean stale = !entry.getValue().group().equals(groups.get(entry.getKey()));
            if (stale) {
                entry.getValue().dispose();
            }
            return stale;
        });
        groups.forEach((id, group) -> checkers.computeIfAbsent(id, key -> new GroupHealthChecker(group, registry, prober,
                ThreadLocalRandomGenerator.INSTANCE, properties.maxConcurrentProbes()).start()));
        registry.retainOnly(targets);
    }

    @Override
    public synchronized void destroy() {
        checkers.values().forEach(GroupHealthChecker::dispose);
        checkers.clear();
    }
}
