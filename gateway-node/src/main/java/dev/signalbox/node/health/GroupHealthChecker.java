package dev.signalbox.node.health;

import java.time.Duration;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Probes every target of one group, round after round, on the group's interval. Each wait is the
 * interval give or take a twentieth of it, drawn at random, so that groups and nodes do not probe
 * in lockstep; the first round waits for up to a tenth of the interval only, so new targets get a
 * verdict soon.
 */
final class GroupHealthChecker implements Disposable {

    private static final Logger log = LoggerFactory.getLogger(GroupHealthChecker.class);
    private static final int JITTER_DIVISOR = 10;

    private final TargetGroupSnapshot group;
    private final TargetHealthRegistry registry;
    private final HealthProber prober;
    private final RandomGenerator random;
    private final int maxConcurrentProbes;
    private final StatusCodeMatcher matcher;
    private volatile boolean firstRound = true;
    private Disposable rounds = Disposables.disposed();

    GroupHealthChecker(TargetGroupSnapshot group, TargetHealthRegistry registry, HealthProber prober,
            RandomGenerator random, int maxConcurrentProbes) {
        this.group = group;
        this.registry = registry;
        this.prober = prober;
        this.random = random;
        this.maxConcurrentProbes = Math.max(1, maxConcurrentProbes);
        this.matcher = matcherOf(group);
    }

    TargetGroupSnapshot group() {
        return group;
    }

    GroupHealthChecker start() {
        rounds = Mono.defer(() -> Mono.delay(nextWait()))
                .then(Mono.defer(this::probeRound))
                .repeat()
                .subscribe(null, error -> log.error("Health checks of group {} stopped", group.id(), error));
        return this;
    }

    @Override
    public void dispose() {
        rounds.dispose();
    }

    @Override
    public boolean isDisposed() {
        return rounds.isDisposed();
    }

    /** The wait before the next round: up to a tenth of the interval before the first, the interval ± 5 % after. */
    Duration nextWait() {
        long intervalMillis = Duration.ofSeconds(Math.max(1, group.healthCheck().intervalSeconds())).toMillis();
        long jitter = random.nextLong(intervalMillis / JITTER_DIVISOR + 1);
        if (firstRound) {
            firstRound = false;
            return Duration.ofMillis(jitter);
        }
        return Duration.ofMillis(intervalMillis - intervalMillis / (2 * JITTER_DIVISOR) + jitter);
    }

    private Mono<Void> probeRound() {
        HealthCheckSnapshot check = group.healthCheck();
        return Flux.fromIterable(group.targets())
                .flatMap(target -> prober.probe(check, matcher, target.host(), probePort(check, target))
                        .doOnNext(result -> registry.record(group.id(), target, result, check.healthyThreshold(),
                                check.unhealthyThreshold())), maxConcurrentProbes)
                .then();
    }

    private static int probePort(HealthCheckSnapshot check, TargetSnapshot target) {
        return check.port() == null ? target.port() : check.port();
    }

    private static StatusCodeMatcher matcherOf(TargetGroupSnapshot group) {
        try {
            return StatusCodeMatcher.parse(group.healthCheck().matcher());
        } catch (IllegalArgumentException e) {
            log.warn("Group {} has an unreadable status matcher; accepting 200 only", group.id(), e);
            return StatusCodeMatcher.parse("200");
        }
    }
}
