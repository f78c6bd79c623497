package dev.signalbox.panel.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.signalbox.panel.SignalboxProperties;
import dev.signalbox.panel.telemetry.LiveStateKeys.TargetGroupKey;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.TargetHealthReport;
import dev.signalbox.protocol.TargetHealthStatus;

/**
 * Keeps each node's latest health statuses per target group in Redis, for a few reports. A complete
 * report lists everything the node checks, so it replaces the node's previous one: targets it no
 * longer names disappear, and so do groups it no longer checks. A partial report replaces only the
 * groups it carries.
 */
@Component
class TargetHealthStore {

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration ttl;
    private final ProtocolCodec codec = new ProtocolCodec();

    TargetHealthStore(StringRedisTemplate redis, Clock clock, SignalboxProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.ttl = properties.telemetry().targetHealthTtl();
    }

    void record(TargetHealthReport report) {
        long now = clock.millis();
        Map<TargetGroupKey, List<TargetHealthStatus>> byGroup = new LinkedHashMap<>();
        for (TargetHealthStatus status : report.targets()) {
            if (!complete(status)) {
                continue;
            }
            byGroup.computeIfAbsent(new TargetGroupKey(status.loadBalancerId(), status.targetGroupId()),
                    group -> new ArrayList<>()).add(status);
        }
        String groupsKey = LiveStateKeys.nodeHealthGroups(report.nodeId());
        // one read before the pipelined writes: which groups the node's previous report named; a
        // partial report leaves the groups it does not carry as they are
        Set<String> previous = report.partial()
                ? Set.of()
                : Objects.requireNonNullElse(redis.opsForSet().members(groupsKey), Set.of());
        redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) {
                RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
                for (String member : previous) {
                    TargetGroupKey gone = TargetGroupKey.parse(member);
                    if (gone != null && !byGroup.containsKey(gone)) {
                        ops.delete(LiveStateKeys.health(gone, report.nodeId()));
                        ops.opsForZSet().remove(LiveStateKeys.healthNodes(gone), report.nodeId());
                    }
                }
                byGroup.forEach((group, statuses) -> {
                    TargetHealthReport ofGroup = new TargetHealthReport(report.schemaVersion(), report.nodeId(),
                            report.sentAt(), statuses, report.panicGroups().contains(group.targetGroupId())
                                    ? List.of(group.targetGroupId())
                                    : List.of());
                    ops.opsForValue().set(LiveStateKeys.health(group, report.nodeId()),
                            new String(codec.encode(ofGroup), StandardCharsets.UTF_8), ttl);
                    String nodes = LiveStateKeys.healthNodes(group);
                    ops.opsForZSet().add(nodes, report.nodeId(), now);
                    ops.opsForZSet().removeRangeByScore(nodes, 0, now - ttl.toMillis());
                    ops.expire(nodes, ttl);
                });
                if (!report.partial()) {
                    ops.delete(groupsKey);
                }
                if (!byGroup.isEmpty()) {
                    ops.opsForSet().add(groupsKey, byGroup.keySet().stream().map(TargetGroupKey::member)
                            .toArray(String[]::new));
                    ops.expire(groupsKey, ttl);
                }
                return null;
            }
        });
    }

    /** Whether a status names its target and state's start, without which it cannot be shown (a node's bug). */
    private static boolean complete(TargetHealthStatus status) {
        return status.loadBalancerId() != null && status.targetGroupId() != null && status.targetId() != null
                && status.host() != null && status.since() != null;
    }
}
