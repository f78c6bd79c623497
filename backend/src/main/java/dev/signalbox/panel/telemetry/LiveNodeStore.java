package dev.signalbox.panel.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.signalbox.protocol.AppliedRevision;
import dev.signalbox.protocol.NodeStatus;
import dev.signalbox.protocol.ProtocolCodec;

/** Writes what a node reported into Redis, in one pipelined round trip. */
@Component
class LiveNodeStore {

    /** Applied-revision hashes of load balancers nobody reports on any more expire after this. */
    private static final Duration APPLIED_RETENTION = Duration.ofDays(1);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final ProtocolCodec codec = new ProtocolCodec();

    LiveNodeStore(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    void record(NodeStatus status) {
        long now = clock.millis();
        String report = new String(codec.encode(status), StandardCharsets.UTF_8);
        redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) {
                RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
                ops.opsForZSet().add(LiveStateKeys.HEARTBEATS, status.nodeId(), now);
                ops.opsForZSet().removeRangeByScore(LiveStateKeys.HEARTBEATS, 0, now - APPLIED_RETENTION.toMillis());
                ops.opsForValue().set(LiveStateKeys.nodeReport(status.nodeId()), report, APPLIED_RETENTION);
                for (Map.Entry<UUID, AppliedRevision> applied : status.appliedRevisions().entrySet()) {
                    String key = LiveStateKeys.appliedRevisions(applied.getKey());
                    AppliedRevision revision = applied.getValue();
                    ops.opsForHash().put(key, status.nodeId(),
                            LiveStateKeys.appliedValue(revision.revision(), revision.appliedAt().toEpochMilli()));
                    ops.expire(key, APPLIED_RETENTION);
                }
                return null;
            }
        });
    }
}
