package dev.signalbox.node.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Deregistration draining, as ALB does it. When a new revision no longer has a target (deregistered,
 * or its group or load balancer removed), the target takes no new requests, since the new revision's
 * selectors do not have it, and the requests in flight to it finish. It drains until its old group's
 * deregistration delay ends or its last request does, whichever comes first; the requests still
 * running when the delay ends are cut, their client connections closed. A target with no request in
 * flight is done at once, and one registered again while draining is an ordinary target again.
 */
@Component
public class DrainingTargets {

    /**
     * A target draining on this node.
     *
     * @param targetGroupName the name of its group in the last revision that had it
     * @param since           when it started draining
     * @param until           when its deregistration delay ends, cutting the requests still running
     */
    public record DrainingTarget(UUID loadBalancerId, UUID targetGroupId, String targetGroupName,
            TargetSnapshot target, Instant since, Instant until) {
    }

    private static final Logger log = LoggerFactory.getLogger(DrainingTargets.class);

    /** A target as draining tracks it: another address is another target, as for health. */
    private record Registration(UUID targetGroupId, UUID targetId, String host, int port) {

        static Registration of(TargetGroupSnapshot group, TargetSnapshot target) {
            return new Registration(group.id(), target.id(), target.host(), target.port());
        }
    }

    private record Registered(UUID loadBalancerId, TargetGroupSnapshot group, TargetSnapshot target) {
    }

    /** One drain; identity tells a drain from a later one of the same target. */
    private static final class Drain {

        final DrainingTarget target;
        final TargetInFlight inFlight;
        Disposable deadline = Disposables.disposed();

        Drain(DrainingTarget target, TargetInFlight inFlight) {
            this.target = target;
            this.inFlight = inFlight;
        }
    }

    private final ActiveConfig activeConfig;
    private final InFlightRequests inFlight;
    private final Clock clock;
    private final Scheduler scheduler;
    // guarded by this
    private final Map<Registration, Drain> drains = new HashMap<>();
    private Map<Registration, Registered> served = Map.of();

    @Autowired
    public DrainingTargets(ActiveConfig activeConfig, InFlightRequests inFlight, Clock clock) {
        this(activeConfig, inFlight, clock, Schedulers.parallel());
    }

    /**
     * @param scheduler ends deregistration delays
     */
    DrainingTargets(ActiveConfig activeConfig, InFlightRequests inFlight, Clock clock, Scheduler scheduler) {
        this.activeConfig = activeConfig;
        this.inFlight = inFlight;
        this.clock = clock;
        this.scheduler = scheduler;
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

    /** The targets draining now, in no particular order. */
    public synchronized List<DrainingTarget> draining() {
        return drains.values().stream().map(drain -> drain.target).toList();
    }

    /** The targets of load balancer {@code loadBalancerId} draining now. */
    public synchronized List<DrainingTarget> draining(UUID loadBalancerId) {
        return drains.values().stream()
                .map(drain -> drain.target)
                .filter(target -> target.loadBalancerId().equals(loadBalancerId))
                .toList();
    }

    synchronized void follow(AppliedConfig config) {
        Map<Registration, Registered> next = registrations(config);
        drains.entrySet().removeIf(entry -> {
            boolean registeredAgain = next.containsKey(entry.getKey());
            if (registeredAgain) {
                entry.getValue().deadline.dispose();
                entry.getValue().inFlight.stopDraining();
                log.info("Target {}:{} of group {} is registered again and no longer drains",
                        entry.getKey().host(), entry.getKey().port(), entry.getKey().targetGroupId());
            }
            return registeredAgain;
        });
        served.forEach((registration, registered) -> {
            if (!next.containsKey(registration)) {
                startDraining(registration, registered);
            }
        });
        served = next;
        Set<UUID> kept = new HashSet<>();
        next.keySet().forEach(registration -> kept.add(registration.targetId()));
        drains.keySet().forEach(registration -> kept.add(registration.targetId()));
        inFlight.forgetIdle(kept);
    }

    private void startDraining(Registration registration, Registered registered) {
        TargetInFlight requests = inFlight.of(registered.target());
        if (requests == null) {
            return;
        }
        int delaySeconds = Math.max(registered.group().attributes().deregistrationDelaySeconds(), 0);
        Instant now = clock.instant();
        Drain drain = new Drain(new DrainingTarget(registered.loadBalancerId(), registered.group().id(),
                registered.group().name(), registered.target(), now, now.plusSeconds(delaySeconds)), requests);
        if (!requests.drain(() -> drained(registration, drain))) {
            return;
        }
        drains.put(registration, drain);
        drain.deadline = scheduler.schedule(() -> delayEnded(registration, drain), delaySeconds, TimeUnit.SECONDS);
        log.info("Target {}:{} of group {} is deregistered and drains {} request(s) in flight for up to {} s",
                registration.host(), registration.port(), registration.targetGroupId(), requests.count(), delaySeconds);
    }

    /** The last request in flight ended before the delay did. */
    private synchronized void drained(Registration registration, Drain drain) {
        if (drains.remove(registration, drain)) {
            drain.deadline.dispose();
            log.info("Target {}:{} of group {} has drained", registration.host(), registration.port(),
                    registration.targetGroupId());
        }
    }

    private void delayEnded(Registration registration, Drain drain) {
        synchronized (this) {
            if (!drains.remove(registration, drain)) {
                return;
            }
        }
        List<Runnable> running = drain.inFlight.stopDrainingAndCut();
        log.info("Deregistration delay of target {}:{} of group {} ended; cutting {} request(s) still running",
                registration.host(), registration.port(), registration.targetGroupId(), running.size());
        running.forEach(Runnable::run);
    }

    private static Map<Registration, Registered> registrations(AppliedConfig config) {
        Map<Registration, Registered> registrations = new HashMap<>();
        for (AppliedLoadBalancer loadBalancer : config.loadBalancers()) {
            LoadBalancerSnapshot snapshot = loadBalancer.snapshot();
            for (TargetGroupSnapshot group : snapshot.targetGroups()) {
                for (TargetSnapshot target : group.targets()) {
                    registrations.put(Registration.of(group, target), new Registered(snapshot.id(), group, target));
                }
            }
        }
        return registrations;
    }
}
