package dev.signalbox.panel.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.signalbox.protocol.AppliedRevision;
import dev.signalbox.protocol.NodeStatus;
import dev.signalbox.protocol.ProtocolCodec;

/**
 * Writes what a node reported into Redis, in one pipelined round trip. A node reports the revision
 * of every load balancer it serves at every heartbeat; only those that changed since this panel
 * last wrote them are written again, and all of them every {@link #FULL_WRITE_INTERVAL}, so a fleet
 * of a thousand load balancers costs Redis a few writes per heartbeat rather than thousands.
 */
@Component
class LiveNodeStore {

    /** Applied-revision hashes of load balancers nobody reports on any more expire after this. */
    private static final Duration APPLIED_RETENTION = Duration.ofDays(1);
    /** How often every applied revision of a node is written again, changed or not (and its expiry renewed). */
    static final Duration FULL_WRITE_INTERVAL = Duration.ofMinutes(1);

    /** Per node, the applied revisions last written and when all of them were. */
    private record Written(Map<UUID, AppliedRevision> revisions, long fullAtMillis) {
    }

    private final Map<String, Written> written = new ConcurrentHashMap<>();

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
        Written before = written.get(status.nodeId());
        boolean full = before == null || now - before.fullAtMillis() >= FULL_WRITE_INTERVAL.toMillis();
        Map<UUID, AppliedRevision> unchanged = full ? Map.of() : before.revisions();
        redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) {
                RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
                ops.opsForZSet().add(LiveStateKeys.HEARTBEATS, status.nodeId(), now);
                ops.opsForZSet().removeRangeByScore(LiveStateKeys.HEARTBEATS, 0, now - APPLIED_RETENTION.toMillis());
                ops.opsForValue().set(LiveStateKeys.nodeReport(status.nodeId()), report, APPLIED_RETENTION);
                for (Map.Entry<UUID, AppliedRevision> applied : status.appliedRevisions().entrySet()) {
                    AppliedRevision revision = applied.getValue();
                    if (revision.equals(unchanged.get(applied.getKey()))) {
                        continue;
                    }
                    String key = LiveStateKeys.appliedRevisions(applied.getKey());
                    ops.opsForHash().put(key, status.nodeId(),
                            LiveStateKeys.appliedValue(revision.revision(), revision.appliedAt().toEpochMilli()));
                    ops.expire(key, APPLIED_RETENTION);
                }
                return null;
            }
        });
        written.put(status.nodeId(), new Written(Map.copyOf(status.appliedRevisions()),
                full ? now : before.fullAtMillis()));
    }
}
