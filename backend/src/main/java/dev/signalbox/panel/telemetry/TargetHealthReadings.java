package dev.signalbox.panel.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import dev.signalbox.panel.SignalboxProperties;
import dev.signalbox.panel.problem.ProblemType;
import dev.signalbox.panel.problem.SignalboxProblemException;
import dev.signalbox.panel.telemetry.LiveStateKeys.TargetGroupKey;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.ProtocolException;
import dev.signalbox.protocol.TargetHealthReport;
import dev.signalbox.protocol.TargetHealthStatus;

/**
 * What the nodes that reported recently say about the targets of a group, from Redis. Callers
 * check first that the group is the caller's: the keys are by load balancer and group id.
 */
@Service
public class TargetHealthReadings {

    private static final Logger log = LoggerFactory.getLogger(TargetHealthReadings.class);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final long ttlMillis;
    private final ProtocolCodec codec = new ProtocolCodec();

    TargetHealthReadings(StringRedisTemplate redis, Clock clock, SignalboxProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.ttlMillis = properties.telemetry().targetHealthTtl().toMillis();
    }

    /**
     * What each node reports of the group's targets, and on which nodes the group is in panic mode.
     *
     * @throws SignalboxProblemException (503) when Redis cannot be read: every target would look unchecked
     */
    public GroupHealthReadings of(UUID loadBalancerId, UUID targetGroupId) {
        try {
            return read(new TargetGroupKey(loadBalancerId, targetGroupId));
        } catch (DataAccessException e) {
            log.warn("Target health unavailable: {}", e.getMessage());
            throw new SignalboxProblemException(ProblemType.UNAVAILABLE,
                    "The live target health store is unavailable; retry in a moment");
        }
    }

    private GroupHealthReadings read(TargetGroupKey group) {
        Set<String> nodeIds = redis.opsForZSet().rangeByScore(LiveStateKeys.healthNodes(group),
                clock.millis() - ttlMillis, Double.POSITIVE_INFINITY);
        if (nodeIds == null || nodeIds.isEmpty()) {
            return GroupHealthReadings.NONE;
        }
        // sorted, so each target's nodes come by node id
        List<String> nodes = nodeIds.stream().sorted().toList();
        List<String> reports = redis.opsForValue().multiGet(nodes.stream()
                .map(node -> LiveStateKeys.health(group, node)).toList());
        Map<UUID, List<TargetHealthReading>> byTarget = new LinkedHashMap<>();
        List<String> panicNodes = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String json = reports == null ? null : reports.get(i);
            if (json == null) {
                continue;
            }
            try {
                TargetHealthReport report = codec.decodeTargetHealthReport(json.getBytes(StandardCharsets.UTF_8));
                if (report.panicGroups().contains(group.targetGroupId())) {
                    panicNodes.add(report.nodeId());
                }
                for (TargetHealthStatus status : report.targets()) {
                    byTarget.computeIfAbsent(status.targetId(), target -> new ArrayList<>())
                            .add(new TargetHealthReading(report.nodeId(), report.sentAt(), status));
                }
            } catch (ProtocolException e) {
                log.warn("Skipping an unreadable target health report of node {}: {}", nodes.get(i), e.getMessage());
            }
        }
        return new GroupHealthReadings(byTarget, panicNodes);
    }
}
