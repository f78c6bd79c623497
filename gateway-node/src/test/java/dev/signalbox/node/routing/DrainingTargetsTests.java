package dev.signalbox.node.routing;

import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.node.TestSnapshots;
import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.balancing.LeastConnectionsSelector;
import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.node.routing.DrainingTargets.DrainingTarget;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Deregistration draining on virtual time: delays end only when a test advances the scheduler. */
class DrainingTargetsTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final int DELAY = 30;

    private final UUID loadBalancerId = UUID.randomUUID();
    private final TargetSnapshot a = target("10.0.0.1", 80);
    private final TargetSnapshot b = target("10.0.0.2", 80);
    private final InFlightRequests inFlight = new InFlightRequests();
    private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
    /** The requests cut so far, by the names they were started with. */
    private final List<String> cut = new ArrayList<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ActiveConfig activeConfig = new ActiveConfig(event -> { }, clock, GroupSelectorFactory.PLAIN);
    private final DrainingTargets draining = new DrainingTargets(activeConfig, inFlight, clock, scheduler);
    private final TargetSelector selector = TargetSelector.none();
    private long revision;

    @Test
    void aDeregisteredTargetDrainsUntilItsLastRequestEnds() {
        draining.follow(config(DELAY, a, b));
        InFlightRequest first = start(b);
        InFlightRequest second = start(b);

        draining.follow(config(DELAY, a));

        TargetGroupSnapshot group = groupOf(config(DELAY, a));
        assertThat(draining.draining()).containsExactly(new DrainingTarget(loadBalancerId, group.id(), "app", b, NOW,
                NOW.plusSeconds(DELAY)));
        assertThat(draining.draining(loadBalancerId)).hasSize(1);
        assertThat(draining.draining(UUID.randomUUID())).isEmpty();

        first.end();
        assertThat(draining.draining()).as("one request still in flight").hasSize(1);

        second.end();
        assertThat(draining.draining()).isEmpty();
        scheduler.advanceTimeBy(Duration.ofSeconds(DELAY));
        assertThat(cut).isEmpty();
    }

    @Test
    void theEndOfTheDelayCutsTheRequestsStillRunning() {
        draining.follow(config(DELAY, a, b));
        InFlightRequest running = start("running", b);
        start("on a", a);

        draining.follow(config(DELAY, a));
        scheduler.advanceTimeBy(Duration.ofSeconds(DELAY - 1));
        assertThat(cut).isEmpty();
        assertThat(draining.draining()).hasSize(1);

        scheduler.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(cut).containsExactly("running");
        assertThat(draining.draining()).isEmpty();
        running.end();
        assertThat(inFlight.count(b)).isZero();
    }

    @Test
    void onlyTheRequestsStillRunningAreCutEachOnce() {
        draining.follow(config(DELAY, a, b));
        start("first", b);
        InFlightRequest done = start("done", b);
        start("last", b);

        draining.follow(config(DELAY, a));
        done.end();
        scheduler.advanceTimeBy(Duration.ofSeconds(DELAY));
        scheduler.advanceTimeBy(Duration.ofSeconds(DELAY));

        assertThat(cut).containsExactlyInAnyOrder("first", "last");
    }

    @Test
    void aTargetWithNothingInFlightIsDoneAtOnce() {
        draining.follow(config(DELAY, a, b));
        start(b).end();

        draining.follow(config(DELAY, a));

        assertThat(draining.draining()).isEmpty();
    }

    @Test
    void aTargetRegisteredAgainWhileDrainingIsAnOrdinaryTargetAgain() {
        draining.follow(config(DELAY, a, b));
        InFlightRequest running = start(b);
        draining.follow(config(DELAY, a));

        draining.follow(config(DELAY, a, b));

        assertThat(draining.draining()).isEmpty();
        scheduler.advanceTimeBy(Duration.ofSeconds(DELAY));
        assertThat(cut).as("its delay no longer applies").isEmpty();
        assertThat(inFlight.count(b)).isEqualTo(1);
        running.end();
        assertThat(draining.draining()).isEmpty();
    }

    @Test
    void theDelayIsTheOneOfTheGroupTheTargetLeft() {
        draining.follow(config(5, a, b));
        start("running", b);

        draining.follow(config(DELAY, a));

        assertThat(draining.draining()).extracting(DrainingTarget::until).containsExactly(NOW.plusSeconds(5));
        scheduler.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(cut).containsExactly("running");
    }

    @Test
    void theTargetsOfADeletedLoadBalancerDrainToo() {
        AppliedConfig served = config(DELAY, a, b);
        draining.follow(served);
        start(a);

        draining.follow(served.apply(List.of(ConfigChange.deletion(loadBalancerId)), NOW));

        assertThat(draining.draining()).extracting(DrainingTarget::target).containsExactly(a);
    }

    @Test
    void aZeroDelayCutsAtOnce() {
        draining.follow(config(0, a, b));
        start("running", b);

        draining.follow(config(0, a));
        scheduler.advanceTime();

        assertThat(cut).containsExactly("running");
    }

    @Test
    void aConfigAppliedBeforeTheNodeWasReadyIsTheOneTargetsDrainFrom() {
        activeConfig.apply(List.of(ConfigChange.update(snapshot(DELAY, a, b))));
        start(b);

        draining.onReady();
        draining.follow(config(DELAY, a));

        assertThat(draining.draining()).extracting(DrainingTarget::target).containsExactly(b);
    }

    @Test
    void countsRequestsPerRegistrationAcrossRevisionsAndReleasesTrackingSelectors() {
        var leastConnections = new LeastConnectionsSelector(List.of(a, b), new SplittableRandom(1));
        TargetSnapshot picked = leastConnections.pickTarget(a.id());
        InFlightRequest request = inFlight.start(() -> cut.add("counted"), leastConnections, picked, () -> 0);
        TargetSnapshot sameInNextRevision = new TargetSnapshot(a.id(), a.host(), a.port(), 7);
        TargetSnapshot moved = new TargetSnapshot(a.id(), a.host(), 81, 1);

        assertThat(inFlight.count(sameInNextRevision)).isEqualTo(1);
        assertThat(inFlight.count(moved)).isZero();

        request.end();
        assertThat(inFlight.count(a)).isZero();
        assertThat(leastConnections.inFlight(a)).as("the pick was released").isZero();
    }

    private InFlightRequest start(TargetSnapshot target) {
        return start("request to " + target.host(), target);
    }

    /** Starts a request whose cut is recorded under {@code name}. */
    private InFlightRequest start(String name, TargetSnapshot target) {
        return inFlight.start(() -> cut.add(name), selector, target, () -> 0);
    }

    private AppliedConfig config(int delaySeconds, TargetSnapshot... targets) {
        return AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(snapshot(delaySeconds, targets))), NOW);
    }

    private LoadBalancerSnapshot snapshot(int delaySeconds, TargetSnapshot... targets) {
        LoadBalancerSnapshot plain = TestSnapshots.loadBalancer(loadBalancerId, ++revision, List.of("shop.test"), 8000,
                List.of(targets));
        var attributes = new TargetGroupAttributesSnapshot(delaySeconds, 0, StickinessSnapshot.DISABLED, 0, 5_000, 60);
        List<TargetGroupSnapshot> groups = plain.targetGroups().stream()
                .map(group -> new TargetGroupSnapshot(group.id(), group.name(), group.protocol(), group.algorithm(),
                        group.healthCheck(), group.targets(), group.port(), group.hashKey(), attributes))
                .toList();
        return new LoadBalancerSnapshot(plain.schemaVersion(), plain.id(), plain.tenantId(), plain.name(),
                plain.revision(), plain.hostNames(), plain.listeners(), groups, plain.createdAt(), plain.tags());
    }

    private TargetGroupSnapshot groupOf(AppliedConfig config) {
        return config.loadBalancer(loadBalancerId).snapshot().targetGroups().get(0);
    }
}
