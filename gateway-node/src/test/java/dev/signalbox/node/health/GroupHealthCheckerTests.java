package dev.signalbox.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetProtocol;

class GroupHealthCheckerTests {

    private static final TargetGroupSnapshot EVERY_TEN_SECONDS = new TargetGroupSnapshot(UUID.randomUUID(), "app",
            TargetProtocol.HTTP, Algorithm.ROUND_ROBIN,
            new HealthCheckSnapshot(TargetProtocol.HTTP, "/", null, 10, 5, 3, 3, "200"), List.of());

    @Test
    void theFirstRoundWaitsOnlyForTheJitterAndLaterOnesForTheIntervalGiveOrTakeATwentieth() {
        assertThat(waits(bound -> 0)).containsExactly(Duration.ZERO, Duration.ofMillis(9_500), Duration.ofMillis(9_500));
        assertThat(waits(bound -> bound - 1)).containsExactly(Duration.ofMillis(1_000), Duration.ofMillis(10_500),
                Duration.ofMillis(10_500));
    }

    private static List<Duration> waits(BoundedDraw draw) {
        RandomGenerator random = new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only bounded draws are scripted");
            }

            @Override
            public long nextLong(long bound) {
                return draw.next(bound);
            }
        };
        var checker = new GroupHealthChecker(EVERY_TEN_SECONDS,
                new TargetHealthRegistry(Clock.systemUTC(), new HealthProperties(0, 10, 16)),
                new HealthProber(Clock.systemUTC(), System::nanoTime), random, 16);
        return List.of(checker.nextWait(), checker.nextWait(), checker.nextWait());
    }

    @FunctionalInterface
    private interface BoundedDraw {
        long next(long bound);
    }
}
