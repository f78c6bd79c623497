package dev.signalbox.node.health;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.signalbox.protocol.TargetSnapshot;

/**
 * The health of every target the node checks. Its version changes whenever a target changes state
 * or stops being tracked, so selectors rebuild their filtered target list only then.
 */
@Component
public class TargetHealthRegistry {

    private static final Logger log = LoggerFactory.getLogger(TargetHealthRegistry.class);

    private final ConcurrentHashMap<TargetKey, TargetHealthTracker> trackers = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final List<ProbeListener> probeListeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final int recentProbes;

    public TargetHealthRegistry(Clock clock, HealthProperties properties) {
        this.clock = clock;
        this.recentProbes = properties.recentProbes();
    }

    /** Tells {@code listener} of every probe recorded from now on. */
    public void addProbeListener(ProbeListener listener) {
        probeListeners.add(listener);
    }

    /** Records a probe of {@code target} in group {@code groupId}. */
    void record(UUID groupId, TargetSnapshot target, ProbeResult result, int healthyThreshold, int unhealthyThreshold) {
        TargetHealthTracker tracker = trackers.computeIfAbsent(TargetKey.of(groupId, target),
                key -> new TargetHealthTracker(clock.instant(), recentProbes));
        probeListeners.forEach(listener -> listener.probed(groupId, target, result));
        if (tracker.record(result, healthyThreshold, unhealthyThreshold)) {
            version.incrementAndGet();
            TargetHealth health = tracker.health();
            log.info("Target {}:{} of group {} is {} ({})", target.host(), target.port(), groupId, health.state(),
                    health.reason() == null ? "checks passed" : health.reason().code());
        }
    }

    /** Forgets every target not in {@code tracked}: removed targets, and groups no longer configured. */
    void retainOnly(Set<TargetKey> tracked) {
        if (trackers.keySet().retainAll(tracked)) {
            version.incrementAndGet();
        }
    }

    public HealthState state(UUID groupId, TargetSnapshot target) {
        TargetHealthTracker tracker = trackers.get(TargetKey.of(groupId, target));
        return tracker == null ? HealthState.INITIAL : tracker.state();
    }

    public TargetHealth health(UUID groupId, TargetSnapshot target) {
        TargetHealthTracker tracker = trackers.get(TargetKey.of(groupId, target));
        return tracker == null ? TargetHealth.initial(clock.instant()) : tracker.health();
    }

    /** Changes whenever the set of targets that are not unhealthy may have changed. */
    public long version() {
        return version.get();
    }
}
