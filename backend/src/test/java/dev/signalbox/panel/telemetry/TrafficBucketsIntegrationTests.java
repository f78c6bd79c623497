package dev.signalbox.panel.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.protocol.MetricsReport;
import dev.signalbox.protocol.TrafficWindow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traffic buckets in the real Redis, with a clock the test sets: the start of the current minute
 * (Redis expires the buckets by its own clock, so the test's time must be close to the real one).
 */
class TrafficBucketsIntegrationTests extends PanelIntegrationTest {

    private final Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private final SettableClock clock = new SettableClock(minute);
    private final TrafficScope scope = TrafficScope.loadBalancer(UUID.randomUUID());
    private final String nodeA = "a-" + UUID.randomUUID();
    private final String nodeB = "b-" + UUID.randomUUID();

    @Autowired
    private StringRedisTemplate redis;

    private TrafficStore store;
    private TrafficHistory history;

    @BeforeEach
    void storeAndHistoryOnTheTestsClock() {
        store = new TrafficStore(redis, clock);
        history = new TrafficHistory(redis, clock);
    }

    @Test
    void pointsSumTheirBucketsOverNodesAndTakeEachNodesLastInFlight() {
        record();
        clock.advance(Duration.ofSeconds(12));

        TrafficSeries fiveMinutes = history.series(scope, MetricsWindow.FIVE_MINUTES);
        assertThat(fiveMinutes.points()).hasSize(30);
        assertThat(fiveMinutes.startsAt()).isEqualTo(minute.minusSeconds(280));
        assertThat(fiveMinutes.endsAt()).isEqualTo(minute.plusSeconds(12));
        TrafficPoint first = fiveMinutes.points().get(28);
        TrafficPoint second = fiveMinutes.points().get(29);
        assertThat(first.start()).isEqualTo(minute);
        assertThat(first.counts().requests()).isEqualTo(16);
        assertThat(first.inFlight()).as("A's last 1 and B's 2").isEqualTo(3);
        assertThat(second.start()).isEqualTo(minute.plusSeconds(10));
        assertThat(second.counts().requests()).isEqualTo(7);
        assertThat(second.inFlight()).as("only A reported in this bucket").isEqualTo(6);
        assertThat(fiveMinutes.totals().requests()).isEqualTo(23);
        assertThat(fiveMinutes.totals().responses(2)).isEqualTo(20);
        assertThat(fiveMinutes.totals().responses(5)).isEqualTo(3);
        assertThat(fiveMinutes.peakInFlight()).isEqualTo(6);

        // 30 s steps of three 10 s buckets: both buckets in the last point, each node's last in-flight of the step
        TrafficPoint lastOfFifteen = last(history.series(scope, MetricsWindow.FIFTEEN_MINUTES));
        assertThat(lastOfFifteen.start()).isEqualTo(minute);
        assertThat(lastOfFifteen.counts().requests()).isEqualTo(23);
        assertThat(lastOfFifteen.inFlight()).as("A's last 6 and B's 2").isEqualTo(8);
        // 1 min buckets
        TrafficPoint lastOfHour = last(history.series(scope, MetricsWindow.ONE_HOUR));
        assertThat(lastOfHour.start()).isEqualTo(minute);
        assertThat(lastOfHour.counts().requests()).isEqualTo(23);
        assertThat(lastOfHour.inFlight()).isEqualTo(8);
        assertThat(history.series(scope, MetricsWindow.ONE_DAY).totals().requests()).isEqualTo(23);
    }

    @Test
    void bucketsExpireWhenTheirRetentionEndsAndWindowsOlderThanThatAreNotKept() {
        record();
        long realNow = Instant.now().getEpochSecond();

        long tenSeconds = redis.getExpire(LiveStateKeys.traffic(scope, TrafficResolution.TEN_SECONDS, minute.getEpochSecond()));
        long oneMinute = redis.getExpire(LiveStateKeys.traffic(scope, TrafficResolution.ONE_MINUTE, minute.getEpochSecond()));
        assertThat(tenSeconds).isBetween(minute.getEpochSecond() + 10 + 3_600 - realNow - 5,
                minute.getEpochSecond() + 10 + 3_600 - realNow + 5);
        assertThat(oneMinute).isBetween(minute.getEpochSecond() + 60 + 86_400 - realNow - 5,
                minute.getEpochSecond() + 60 + 86_400 - realNow + 5);

        Instant twoHoursAgo = minute.minus(Duration.ofHours(2));
        store.record(new MetricsReport(MetricsReport.SCHEMA_VERSION, nodeA, twoHoursAgo, twoHoursAgo.plusSeconds(5),
                List.of(window(9, 9, 0, 0))));
        assertThat(redis.hasKey(LiveStateKeys.traffic(scope, TrafficResolution.TEN_SECONDS, twoHoursAgo.getEpochSecond())))
                .isFalse();
        assertThat(redis.opsForHash().get(LiveStateKeys.traffic(scope, TrafficResolution.ONE_MINUTE,
                twoHoursAgo.getEpochSecond()), LiveStateKeys.REQUESTS)).isEqualTo("9");
    }

    /** A: 10 at :00 (4 in flight), 1 at :05 (1 in flight), 7 at :10 (6); B: 5 at :03 (2). */
    private void record() {
        store.record(report(nodeA, 0, window(10, 8, 2, 4)));
        store.record(report(nodeB, 3, window(5, 4, 1, 2)));
        store.record(report(nodeA, 5, window(1, 1, 0, 1)));
        store.record(report(nodeA, 10, window(7, 7, 0, 6)));
    }

    private MetricsReport report(String node, int second, TrafficWindow window) {
        Instant start = minute.plusSeconds(second);
        return new MetricsReport(MetricsReport.SCHEMA_VERSION, node, start, start.plusSeconds(5), List.of(window));
    }

    private TrafficWindow window(long requests, long responses2xx, long responses5xx, long inFlight) {
        return new TrafficWindow(scope.loadBalancerId(), null, null, requests, 0, responses2xx, 0, 0, responses5xx,
                0, 0, inFlight, List.of());
    }

    private static TrafficPoint last(TrafficSeries series) {
        return series.points().get(series.points().size() - 1);
    }
}
