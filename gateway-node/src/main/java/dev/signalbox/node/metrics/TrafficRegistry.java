package dev.signalbox.node.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.AppliedLoadBalancer;
import dev.signalbox.node.routing.ConfigApplied;
import dev.signalbox.protocol.LatencyBuckets;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;
import dev.signalbox.protocol.TrafficWindow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The traffic counters and request meters of every load balancer the node serves, rebuilt for a
 * load balancer only when a new snapshot of it is applied. Counters of a load balancer, group or
 * target that stays keep counting across revisions, so a new revision never cuts a window short;
 * those that go are drained once more with the next window and then dropped, and their meters leave
 * the registry at once.
 */
@Component
public class TrafficRegistry {

    static final String REQUESTS = "signalbox.requests";
    static final String LATENCY = "signalbox.request.duration";
    static final String IN_FLIGHT = "signalbox.requests.in.flight";
    private static final String[] STATUS_CLASSES = {"none", "1xx", "2xx", "3xx", "4xx", "5xx"};
    private static final Duration[] LATENCY_BUCKETS = LatencyBuckets.UPPER_BOUNDS_MILLIS.stream()
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    private final ActiveConfig activeConfig;
    private final BoundMeters meters;
    private volatile Map<UUID, LoadBalancerTraffic> loadBalancers = Map.of();
    private Map<TrafficKey, TrafficCounters> live = new HashMap<>();
    private final Map<TrafficKey, TrafficCounters> retired = new HashMap<>();

    public TrafficRegistry(ActiveConfig activeConfig, MeterRegistry registry) {
        this.activeConfig = activeConfig;
        this.meters = new BoundMeters(registry);
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

    /** What a request of this load balancer records into; null for one the node does not serve (any more). */
    @Nullable LoadBalancerTraffic loadBalancer(UUID loadBalancerId) {
        return loadBalancers.get(loadBalancerId);
    }

    synchronized void follow(AppliedConfig config) {
        Map<UUID, LoadBalancerTraffic> next = new HashMap<>();
        Map<TrafficKey, TrafficCounters> stillLive = new HashMap<>();
        for (AppliedLoadBalancer applied : config.loadBalancers()) {
            LoadBalancerTraffic traffic = loadBalancers.get(applied.id());
            if (traffic == null || traffic.snapshot() != applied.snapshot()) {
                traffic = bind(applied.snapshot(), traffic);
            }
            next.put(applied.id(), traffic);
            collectCounters(traffic, stillLive);
        }
        live.forEach((key, counters) -> {
            if (!stillLive.containsKey(key)) {
                retired.put(key, counters);
            }
        });
        live = stillLive;
        meters.retainOnly(next.keySet());
        loadBalancers = Map.copyOf(next);
    }

    /** The windows since the last drain that saw traffic or have requests in flight; starts the next window. */
    public synchronized List<TrafficWindow> drain() {
        List<TrafficWindow> windows = new ArrayList<>();
        for (TrafficCounters counters : live.values()) {
            addIfAny(windows, counters.drain());
        }
        for (TrafficCounters counters : retired.values()) {
            addIfAny(windows, counters.drain());
        }
        retired.clear();
        return windows;
    }

    /** @param previous what the load balancer's previous snapshot was bound to, if any */
    private LoadBalancerTraffic bind(LoadBalancerSnapshot snapshot, @Nullable LoadBalancerTraffic previous) {
        UUID loadBalancerId = snapshot.id();
        List<Meter> bound = new ArrayList<>();
        Map<UUID, GroupTraffic> groups = new HashMap<>();
        for (TargetGroupSnapshot group : snapshot.targetGroups()) {
            Map<UUID, TrafficCounters> targets = new HashMap<>();
            for (TargetSnapshot target : group.targets()) {
                targets.put(target.id(), counters(TrafficKey.of(loadBalancerId, group.id(), target.id())));
            }
            groups.put(group.id(), new GroupTraffic(group.id(), counters(TrafficKey.of(loadBalancerId, group.id())),
                    Map.copyOf(targets), requestCounters(loadBalancerId, group.id().toString(), bound)));
        }
        TrafficCounters own = counters(TrafficKey.of(loadBalancerId));
        MeterRegistry registry = meters.registry();
        Timer latency = Timer.builder(LATENCY)
                .description("Time from a request reaching its load balancer to its response")
                .tag("load_balancer", loadBalancerId.toString())
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
        bound.add(latency);
        // the gauge reads counters that stay with the load balancer: registered once, not per snapshot
        Gauge inFlight = previous != null ? previous.inFlight() : Gauge.builder(IN_FLIGHT, own, TrafficCounters::inFlight)
                .description("Requests (and TCP connections) of a load balancer in progress")
                .tag("load_balancer", loadBalancerId.toString())
                .register(registry);
        bound.add(inFlight);
        // requests the node answered itself have no group: they are counted under an empty one
        Counter[] ownRequests = requestCounters(loadBalancerId, "", bound);
        meters.rebind(loadBalancerId, bound);
        return new LoadBalancerTraffic(snapshot, own, Map.copyOf(groups), ownRequests, latency, inFlight);
    }

    private Counter[] requestCounters(UUID loadBalancerId, String targetGroup, List<Meter> bound) {
        Counter[] counters = new Counter[STATUS_CLASSES.length];
        for (int statusClass = 0; statusClass < STATUS_CLASSES.length; statusClass++) {
            counters[statusClass] = Counter.builder(REQUESTS)
                    .description("Requests that ended, by status class; none: abandoned by the client, or TCP")
                    .tag("load_balancer", loadBalancerId.toString())
                    .tag("target_group", targetGroup)
                    .tag("status_class", STATUS_CLASSES[statusClass])
                    .register(meters.registry());
            bound.add(counters[statusClass]);
        }
        return counters;
    }

    /** The counters of {@code key}: the live ones, those retired since the last drain, or new ones. */
    private TrafficCounters counters(TrafficKey key) {
        TrafficCounters counters = live.get(key);
        if (counters == null) {
            counters = retired.remove(key);
        }
        return counters == null ? new TrafficCounters(key) : counters;
    }

    private static void collectCounters(LoadBalancerTraffic traffic, Map<TrafficKey, TrafficCounters> into) {
        into.put(traffic.counters().key(), traffic.counters());
        for (GroupTraffic group : traffic.groups().values()) {
            into.put(group.counters().key(), group.counters());
            group.targets().values().forEach(target -> into.put(target.key(), target));
        }
    }

    private static void addIfAny(List<TrafficWindow> windows, @Nullable TrafficWindow window) {
        if (window != null) {
            windows.add(window);
        }
    }
}
