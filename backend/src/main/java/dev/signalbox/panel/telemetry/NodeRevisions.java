package dev.signalbox.panel.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import dev.signalbox.panel.SignalboxProperties;

/** Which live nodes applied which revision of a load balancer, from the state in Redis. */
@Service
public class NodeRevisions {

    private static final Logger log = LoggerFactory.getLogger(NodeRevisions.class);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final long silenceLimitMillis;

    NodeRevisions(StringRedisTemplate redis, Clock clock, SignalboxProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.silenceLimitMillis = properties.telemetry().nodeSilenceLimit().toMillis();
    }

    /**
     * The nodes that reported the load balancer and were heard from recently, by node id. Empty
     * when Redis is unreachable: live state is an extra, it must not break the API.
     */
    public List<AppliedNode> of(UUID loadBalancerId) {
        try {
            return read(loadBalancerId);
        } catch (DataAccessException e) {
            log.warn("Live node state unavailable: {}", e.getMessage());
            return List.of();
        }
    }

    private List<AppliedNode> read(UUID loadBalancerId) {
        Map<Object, Object> applied = redis.opsForHash().entries(LiveStateKeys.appliedRevisions(loadBalancerId));
        if (applied.isEmpty()) {
            return List.of();
        }
        List<Object> nodeIds = new ArrayList<>(applied.keySet());
        List<Double> heartbeats = redis.opsForZSet().score(LiveStateKeys.HEARTBEATS, nodeIds.toArray());
        long liveSince = clock.millis() - silenceLimitMillis;
        List<AppliedNode> nodes = new ArrayList<>();
        for (int i = 0; i < nodeIds.size(); i++) {
            Double heartbeat = heartbeats == null ? null : heartbeats.get(i);
            long[] parsed = LiveStateKeys.parseApplied(String.valueOf(applied.get(nodeIds.get(i))));
            if (heartbeat != null && heartbeat >= liveSince && parsed != null) {
                nodes.add(new AppliedNode(String.valueOf(nodeIds.get(i)), parsed[0], Instant.ofEpochMilli(parsed[1])));
            }
        }
        nodes.sort(Comparator.comparing(AppliedNode::nodeId));
        return nodes;
    }
}
