package dev.signalbox.node.outlier;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.signalbox.node.retry.AttemptFailure;
import dev.signalbox.node.routing.AppliedLoadBalancer;
import dev.signalbox.node.routing.AttemptObserver;
import dev.signalbox.node.routing.ConfigApplied;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * Ejects targets that keep failing, from the outcome of every forwarding attempt: 5xx responses,
 * connect failures, broken connections and timeouts count as failures, any other response as a
 * success (see {@link GroupEjections} for the rule). Its {@link #version()} moves whenever a target
 * is ejected or comes back, so selectors rebuild their target lists right then; ejections end
 * lazily, on the first version check after their time, which every pick makes.
 */
@Component
public class OutlierDetector implements AttemptObserver {

    private static final Logger log = LoggerFactory.getLogger(OutlierDetector.class);

    private final OutlierProperties properties;
    private final Clock clock;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<UUID, GroupEjections> groups = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    /** The earliest end of any ejection, so that a version check costs one read while none is due. */
    private volatile long nextReturnNanos = GroupEjections.NONE;

    @Autowired
    public OutlierDetector(OutlierProperties properties, Clock clock) {
        this(properties, clock, System::nanoTime);
    }

    /** With the monotonic clock injected, for tests. */
    public OutlierDetector(OutlierProperties properties, Clock clock, LongSupplier nanoClock) {
        this.properties = properties;
        this.clock = clock;
        this.nanoClock = nanoClock;
    }

    @Override
    public void answered(TargetGroupSnapshot group, TargetSnapshot target, int status) {
        if (!properties.enabled()) {
            return;
        }
        if (status >= 500) {
            countFailure(group, target);
            return;
        }
        GroupEjections ejections = groups.get(group.id());
        if (ejections != null) {
            ejections.succeeded(target);
        }
    }

    @Override
    public void failed(TargetGroupSnapshot group, TargetSnapshot target, AttemptFailure failure) {
        if (properties.enabled() && failure.targetsFault()) {
            countFailure(group, target);
        }
    }

    /** Whether {@code target} of group {@code groupId} is ejected; selection leaves it out unless in panic. */
    public boolean isEjected(UUID groupId, TargetSnapshot target) {
        GroupEjections ejections = groups.get(groupId);
        return ejections != null && ejections.isEjected(target);
    }

    /**
     * Until when passive outlier detection has ejected {@code target} of group {@code groupId}, or null
     * when it is in rotation: for status reports and {@code /actuator/targets}.
     */
    public @Nullable Instant ejectedUntil(UUID groupId, TargetSnapshot target) {
        returnDue();
        GroupEjections ejections = groups.get(groupId);
        return ejections == null ? null : ejections.ejectedUntil(target);
    }

    /** Changes whenever a target is ejected or comes back; first brings back those whose time is over. */
    public long version() {
        returnDue();
        return version.get();
    }

    /** Forgets the groups and targets the node no longer serves. */
    @EventListener
    public void onConfigApplied(ConfigApplied applied) {
        Map<UUID, List<TargetSnapshot>> served = new HashMap<>();
        for (AppliedLoadBalancer loadBalancer : applied.config().loadBalancers()) {
            for (TargetGroupSnapshot group : loadBalancer.snapshot().targetGroups()) {
                served.put(group.id(), group.targets());
            }
        }
        boolean changed = false;
        for (var entry : groups.entrySet()) {
            List<TargetSnapshot> targets = served.get(entry.getKey());
            changed |= entry.getValue().retainOnly(targets == null ? List.of() : targets);
            if (entry.getValue().isEmpty()) {
                groups.remove(entry.getKey(), entry.getValue());
            }
        }
        if (changed) {
            version.incrementAndGet();
        }
    }

    private void countFailure(TargetGroupSnapshot group, TargetSnapshot target) {
        GroupEjections ejections = groups.computeIfAbsent(group.id(), id -> new GroupEjections(properties));
        if (ejections.failed(target, group.targets().size(), nanoClock.getAsLong(), clock.instant())) {
            expectReturnAt(ejections.nextReturnNanos());
            version.incrementAndGet();
            log.info("Target {}:{} of group {} is ejected until {} after {} failures in a row", target.host(),
                    target.port(), group.id(), ejections.ejectedUntil(target), properties.consecutiveFailures());
        }
    }

    private synchronized void expectReturnAt(long returnNanos) {
        nextReturnNanos = Math.min(nextReturnNanos, returnNanos);
    }

    private void returnDue() {
        long due = nextReturnNanos;
        if (due != GroupEjections.NONE && nanoClock.getAsLong() >= due) {
            returnAll();
        }
    }

    private synchronized void returnAll() {
        long now = nanoClock.getAsLong();
        int returned = 0;
        long next = GroupEjections.NONE;
        for (GroupEjections ejections : groups.values()) {
            returned += ejections.returnDue(now);
            next = Math.min(next, ejections.nextReturnNanos());
        }
        nextReturnNanos = next;
        if (returned > 0) {
            version.incrementAndGet();
            log.info("{} ejected target(s) back in rotation, their ejection time over", returned);
        }
    }
}
