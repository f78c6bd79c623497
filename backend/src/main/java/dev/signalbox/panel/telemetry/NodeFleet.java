package dev.signalbox.panel.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.stereotype.Service;

import dev.signalbox.panel.SignalboxProperties;
import dev.signalbox.protocol.NodeStatus;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.ProtocolException;

/** The gateway node fleet for the platform operator, from the live state in Redis. */
@Service
public class NodeFleet {

    private static final Logger log = LoggerFactory.getLogger(NodeFleet.class);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final long silenceLimitMillis;
    private final ProtocolCodec codec = new ProtocolCodec();

    NodeFleet(StringRedisTemplate redis, Clock clock, SignalboxProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.silenceLimitMillis = properties.telemetry().nodeSilenceLimit().toMillis();
    }

    /** Every node heard from in the retention period, by id; empty when Redis is unreachable. */
    public List<FleetNode> nodes() {
        try {
            return read();
        } catch (DataAccessException e) {
            log.warn("Live node state unavailable: {}", e.getMessage());
            return List.of();
        }
    }

    private List<FleetNode> read() {
        Set<ZSetOperations.TypedTuple<String>> heartbeats = redis.opsForZSet()
                .rangeWithScores(LiveStateKeys.HEARTBEATS, 0, -1);
        if (heartbeats == null || heartbeats.isEmpty()) {
            return List.of();
        }
        List<ZSetOperations.TypedTuple<String>> beats = new ArrayList<>(heartbeats);
        List<String> reports = redis.opsForValue()
                .multiGet(beats.stream().map(beat -> LiveStateKeys.nodeReport(String.valueOf(beat.getValue()))).toList());
        long liveSince = clock.millis() - silenceLimitMillis;
        List<FleetNode> nodes = new ArrayList<>();
        for (int i = 0; i < beats.size(); i++) {
            String report = reports == null ? null : reports.get(i);
            Double score = beats.get(i).getScore();
            if (report == null || score == null) {
                continue;
            }
            try {
                NodeStatus status = codec.decodeNodeStatus(report.getBytes(StandardCharsets.UTF_8));
                nodes.add(new FleetNode(status.nodeId(), status.version(), Instant.ofEpochMilli(score.longValue()),
                        score.longValue() >= liveSince, status.boundPorts(), status.appliedRevisions()));
            } catch (ProtocolException e) {
                log.warn("Skipping an unreadable report of node {}: {}", beats.get(i).getValue(), e.getMessage());
            }
        }
        nodes.sort(Comparator.comparing(FleetNode::nodeId));
        return nodes;
    }
}
