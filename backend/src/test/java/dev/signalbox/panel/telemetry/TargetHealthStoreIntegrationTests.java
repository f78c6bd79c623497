package dev.signalbox.panel.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.signalbox.panel.SignalboxProperties;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.protocol.TargetHealthReport;
import dev.signalbox.protocol.TargetHealthState;
import dev.signalbox.protocol.TargetHealthStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The target health kept in the real Redis, with a clock the test moves. */
class TargetHealthStoreIntegrationTests extends PanelIntegrationTest {

    private static final UUID LB = UUID.randomUUID();

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private SignalboxProperties properties;

    private final SettableClock clock = new SettableClock(Instant.now());
    private final UUID group = UUID.randomUUID();
    private final UUID otherGroup = UUID.randomUUID();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final UUID third = UUID.randomUUID();
    /** Node ids sort as their first letters; unique, as every test shares the one Redis. */
    private final String nodeA = "a-" + UUID.randomUUID();
    private final String nodeB = "b-" + UUID.randomUUID();
    private final String silent = "s-" + UUID.randomUUID();
    private final String talking = "t-" + UUID.randomUUID();

    @Test
    void aNodesNewReportReplacesItsLastOneTargetsAndGroupsItNoLongerChecksDisappear() {
        TargetHealthStore store = new TargetHealthStore(redis, clock, properties);
        TargetHealthReadings readings = new TargetHealthReadings(redis, clock, properties);

        store.record(report(nodeA, status(group, first), status(group, second), status(otherGroup, third)));
        store.record(report(nodeB, status(group, second)));
        assertThat(readings.of(LB, group).byTarget()).containsOnlyKeys(first, second);
        assertThat(readings.of(LB, group).byTarget().get(second)).extracting(TargetHealthReading::nodeId).containsExactly(nodeA, nodeB);
        assertThat(readings.of(LB, otherGroup).byTarget()).containsOnlyKeys(third);

        store.record(report(nodeA, status(group, first)));

        assertThat(readings.of(LB, group).byTarget().get(first)).extracting(TargetHealthReading::nodeId).containsExactly(nodeA);
        assertThat(readings.of(LB, group).byTarget().get(second)).extracting(TargetHealthReading::nodeId).containsExactly(nodeB);
        assertThat(readings.of(LB, otherGroup).byTarget()).isEmpty();
        assertThat(redis.hasKey(LiveStateKeys.health(new LiveStateKeys.TargetGroupKey(LB, otherGroup), nodeA))).isFalse();

        store.record(report(nodeA));

        assertThat(readings.of(LB, group).byTarget()).containsOnlyKeys(second);
        assertThat(redis.hasKey(LiveStateKeys.nodeHealthGroups(nodeA))).isFalse();
    }

    @Test
    void aPartialReportReplacesTheGroupsItCarriesAndLeavesTheOthers() {
        TargetHealthStore store = new TargetHealthStore(redis, clock, properties);
        TargetHealthReadings readings = new TargetHealthReadings(redis, clock, properties);
        store.record(report(nodeA, status(group, first), status(group, second), status(otherGroup, third)));

        store.record(new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, nodeA, clock.instant(),
                List.of(new TargetHealthStatus(LB, group, first, "10.0.0.1", 8080, TargetHealthState.UNHEALTHY,
                        "Target.Timeout", clock.instant(), null, List.of())), List.of(), true));

        assertThat(readings.of(LB, group).byTarget()).as("the group it carries is replaced whole")
                .containsOnlyKeys(first);
        assertThat(readings.of(LB, group).byTarget().get(first)).extracting(reading -> reading.status().state())
                .containsExactly(TargetHealthState.UNHEALTHY);
        assertThat(readings.of(LB, otherGroup).byTarget()).as("a group it does not carry stands").containsOnlyKeys(third);

        store.record(report(nodeA, status(group, first)));

        assertThat(readings.of(LB, otherGroup).byTarget()).as("the next complete report still replaces everything")
                .isEmpty();
    }

    @Test
    void aNodeThatStopsReportingDropsOutAfterTheTimeToLive() {
        TargetHealthStore store = new TargetHealthStore(redis, clock, properties);
        TargetHealthReadings readings = new TargetHealthReadings(redis, clock, properties);
        Duration ttl = properties.telemetry().targetHealthTtl();

        store.record(report(silent, status(group, first)));
        clock.advance(ttl.minusSeconds(5));
        store.record(report(talking, status(group, first)));
        assertThat(readings.of(LB, group).byTarget().get(first)).extracting(TargetHealthReading::nodeId)
                .containsExactly(silent, talking);

        clock.advance(Duration.ofSeconds(6));

        assertThat(readings.of(LB, group).byTarget().get(first)).extracting(TargetHealthReading::nodeId).containsExactly(talking);
        assertThat(redis.getExpire(LiveStateKeys.health(new LiveStateKeys.TargetGroupKey(LB, group), talking)))
                .as("Redis forgets the report itself too").isBetween(1L, ttl.toSeconds());
    }

    private TargetHealthReport report(String node, TargetHealthStatus... statuses) {
        return new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, node, clock.instant(), List.of(statuses));
    }

    private TargetHealthStatus status(UUID targetGroupId, UUID targetId) {
        return new TargetHealthStatus(LB, targetGroupId, targetId, "10.0.0.1", 8080, TargetHealthState.HEALTHY, null,
                clock.instant(), null, List.of());
    }
}
