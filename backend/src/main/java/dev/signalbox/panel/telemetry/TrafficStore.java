package dev.signalbox.panel.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.signalbox.protocol.LatencyBuckets;
import dev.signalbox.protocol.MetricsReport;
import dev.signalbox.protocol.TrafficWindow;

/**
 * Adds a node's metrics windows to the traffic buckets of every resolution, in one pipelined round
 * trip. Counters are summed over nodes; in-flight is each node's last value, summed when read.
 */
@Component
class TrafficStore {

    private final StringRedisTemplate redis;
    private final Clock clock;

    TrafficStore(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    void record(MetricsReport report) {
        long now = clock.millis() / 1000;
        // a window belongs to the bucket it started in; windows are shorter than the smallest bucket
        long windowStart = report.windowStart().getEpochSecond();
        redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) {
                RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
                for (TrafficWindow window : report.windows()) {
                    // without its load balancer, or a target without its group, a window has no place (a node's bug)
                    if (window.loadBalancerId() == null || window.targetId() != null && window.targetGroupId() == null) {
                        continue;
                    }
                    TrafficScope scope = new TrafficScope(window.loadBalancerId(), window.targetGroupId(), window.targetId());
                    for (TrafficResolution resolution : TrafficResolution.values()) {
                        long bucket = resolution.bucketStart(windowStart);
                        long expiresAt = resolution.expiresAt(bucket);
                        // a replayed window older than the retention would only be expired again at once
                        if (expiresAt > now) {
                            String key = LiveStateKeys.traffic(scope, resolution, bucket);
                            add(ops.opsForHash(), key, window, report.nodeId());
                            ops.expireAt(key, Instant.ofEpochSecond(expiresAt));
                        }
                    }
                }
                return null;
            }
        });
    }

    private static void add(HashOperations<String, Object, Object> hash, String key, TrafficWindow window,
            String nodeId) {
        increment(hash, key, LiveStateKeys.REQUESTS, window.requests());
        increment(hash, key, LiveStateKeys.responses(1), window.responses1xx());
        increment(hash, key, LiveStateKeys.responses(2), window.responses2xx());
        increment(hash, key, LiveStateKeys.responses(3), window.responses3xx());
        increment(hash, key, LiveStateKeys.responses(4), window.responses4xx());
        increment(hash, key, LiveStateKeys.responses(5), window.responses5xx());
        increment(hash, key, LiveStateKeys.BYTES_IN, window.bytesReceived());
        increment(hash, key, LiveStateKeys.BYTES_OUT, window.bytesSent());
        List<Long> latency = window.latencyCounts();
        // counts of other bucket bounds (a future schema) cannot be mapped onto these
        if (latency.size() == LatencyBuckets.COUNT) {
            for (int i = 0; i < latency.size(); i++) {
                increment(hash, key, LiveStateKeys.latency(i), latency.get(i) == null ? 0 : latency.get(i));
            }
        }
        // written even when 0: it replaces the node's earlier value in the bucket
        hash.put(key, LiveStateKeys.inFlight(nodeId), Long.toString(Math.max(0, window.inFlight())));
    }

    private static void increment(HashOperations<String, Object, Object> hash, String key, String field, long delta) {
        if (delta > 0) {
            hash.increment(key, field, delta);
        }
    }
}
