package dev.signalbox.node.health;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.signalbox.protocol.TargetSnapshot;

/**
 * The health of every target the node checks. Its version changes whenever a target changes state,
 * starts a slow start or stops being tracked, so selectors rebuild their filtered target list only then.
 *
 * <p>Slow start follows ALB: a target ramps up when it joins a group, or recovers from unhealthy,
 * while another target of its group is healthy. The targets of a group that is new as a whole, as
 * at the node's start, take their full share at once, or the whole group would start slowly.
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

    /**
     * Starts tracking the targets of group {@code groupId} that are not tracked yet; they start a slow
     * start now if another target of the group is healthy.
     */
    void register(UUID groupId, List<TargetSnapshot> targets) {
        boolean groupHasHealthy = false;
        for (TargetSnapshot target : targets) {
            TargetHealthTracker tracker = trackers.get(TargetKey.of(groupId, target));
            groupHasHealthy |= tracker != null && tracker.state() == HealthState.HEALTHY;
        }
        Instant now = clock.instant();
        boolean slowStarted = false;
        for (TargetSnapshot target : targets) {
            TargetKey key = TargetKey.of(groupId, target);
            if (!trackers.containsKey(key)) {
                TargetHealthTracker tracker = new TargetHealthTracker(now, recentProbes);
                if (groupHasHealthy) {
                    tracker.startSlowStart(now);
                    slowStarted = true;
                }
                trackers.putIfAbsent(key, tracker);
            }
        }
        if (slowStarted) {
            version.incrementAndGet();
        }
    }

    /** Records a probe of {@code target} in group {@code groupId}. */
    void record(UUID groupId, TargetSnapshot target, ProbeResult result, int healthyThreshold, int unhealthyThreshold) {
        TargetKey key = TargetKey.of(groupId, target);
        TargetHealthTracker tracker = trackers.computeIfAbsent(key,
                absent -> new TargetHealthTracker(clock.instant(), recentProbes));
        probeListeners.forEach(listener -> listener.probed(groupId, target, result));
        HealthState before = tracker.state();
        if (tracker.record(result, healthyThreshold, unhealthyThreshold)) {
            if (before == HealthState.UNHEALTHY && tracker.state() == HealthState.HEALTHY
                    && anotherIsHealthy(key)) {
                tracker.startSlowStart(result.at());
            }
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

    /** When {@code target}'s slow start began, or null when it is not in one. */
    public @Nullable Instant slowStartSince(UUID groupId, TargetSnapshot target) {
        TargetHealthTracker tracker = trackers.get(TargetKey.of(groupId, target));
        return tracker == null ? null : tracker.slowStartSince();
    }

    public TargetHealth health(UUID groupId, TargetSnapshot target) {
        TargetHealthTracker tracker = trackers.get(TargetKey.of(groupId, target));
        return tracker == null ? TargetHealth.initial(clock.instant()) : tracker.health();
    }

    /** The clock the registry stamps states and slow starts with. */
    Clock clock() {
        return clock;
    }

    /** Changes whenever the set of targets that are not unhealthy may have changed. */
    public long version() {
        return version.get();
    }

    /** Whether a target of {@code key}'s group other than it is healthy; scans, but runs only on state changes. */
    private boolean anotherIsHealthy(TargetKey key) {
        for (Map.Entry<TargetKey, TargetHealthTracker> entry : trackers.entrySet()) {
            if (entry.getKey().groupId().equals(key.groupId()) && !entry.getKey().equals(key)
                    && entry.getValue().state() == HealthState.HEALTHY) {
                return true;
            }
        }
        return false;
    }
}
