package dev.signalbox.panel.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.protocol.AppliedRevision;
import dev.signalbox.protocol.NodeStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Node status written to the real Redis, with a clock the test moves. */
class LiveNodeStoreIntegrationTests extends PanelIntegrationTest {

    @Autowired
    private StringRedisTemplate redis;

    private final SettableClock clock = new SettableClock(Instant.now());
    private final String node = "n-" + UUID.randomUUID();
    private final UUID steady = UUID.randomUUID();
    private final UUID changing = UUID.randomUUID();
    private final Instant appliedAt = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aHeartbeatWritesTheRevisionsThatChangedAndAllOfThemOnceAMinute() {
        LiveNodeStore store = new LiveNodeStore(redis, clock);
        store.record(status(Map.of(steady, new AppliedRevision(3, appliedAt), changing, new AppliedRevision(7, appliedAt))));
        assertThat(written(steady)).isEqualTo(LiveStateKeys.appliedValue(3, appliedAt.toEpochMilli()));
        // gone from Redis behind the store's back: only a full write puts it back
        redis.delete(LiveStateKeys.appliedRevisions(steady));

        clock.advance(Duration.ofSeconds(2));
        store.record(status(Map.of(steady, new AppliedRevision(3, appliedAt), changing, new AppliedRevision(8, appliedAt))));

        assertThat(written(changing)).isEqualTo(LiveStateKeys.appliedValue(8, appliedAt.toEpochMilli()));
        assertThat(written(steady)).as("unchanged since the last write").isNull();

        clock.advance(LiveNodeStore.FULL_WRITE_INTERVAL);
        store.record(status(Map.of(steady, new AppliedRevision(3, appliedAt), changing, new AppliedRevision(8, appliedAt))));

        assertThat(written(steady)).isEqualTo(LiveStateKeys.appliedValue(3, appliedAt.toEpochMilli()));
        assertThat(redis.opsForZSet().score(LiveStateKeys.HEARTBEATS, node)).as("every heartbeat counts")
                .isEqualTo((double) clock.millis());
    }

    private NodeStatus status(Map<UUID, AppliedRevision> revisions) {
        return new NodeStatus(NodeStatus.SCHEMA_VERSION, node, "test", clock.instant(), List.of(8000), revisions);
    }

    private String written(UUID loadBalancerId) {
        Object value = redis.opsForHash().get(LiveStateKeys.appliedRevisions(loadBalancerId), node);
        return value == null ? null : value.toString();
    }
}
