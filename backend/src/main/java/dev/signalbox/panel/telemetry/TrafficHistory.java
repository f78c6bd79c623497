package dev.signalbox.panel.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

import dev.signalbox.panel.problem.ProblemType;
import dev.signalbox.panel.problem.SignalboxProblemException;

/**
 * The traffic of a load balancer, group or target over a window, read from the buckets in Redis.
 * Callers check first that the load balancer is the caller's: the buckets are keyed by its id.
 */
@Service
public class TrafficHistory {

    private static final Logger log = LoggerFactory.getLogger(TrafficHistory.class);

    private final StringRedisTemplate redis;
    private final Clock clock;

    TrafficHistory(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /**
     * The window's points, the last one being the step now fills; zeros where nodes reported nothing.
     *
     * @throws SignalboxProblemException (503) when Redis cannot be read: zeros would claim "no traffic"
     */
    public TrafficSeries series(TrafficScope scope, MetricsWindow window) {
        Instant now = clock.instant();
        long step = window.stepSeconds();
        long lastStart = now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), step);
        long firstStart = lastStart - (window.points() - 1) * step;
        TrafficResolution resolution = window.resolution();
        List<String> keys = new ArrayList<>();
        for (long bucket = firstStart; bucket < lastStart + step; bucket += resolution.seconds()) {
            keys.add(LiveStateKeys.traffic(scope, resolution, bucket));
        }
        List<Object> buckets = read(keys);
        int bucketsPerPoint = (int) (step / resolution.seconds());
        List<TrafficPoint> points = new ArrayList<>();
        TrafficSum totals = new TrafficSum();
        long peakInFlight = 0;
        for (int point = 0; point < window.points(); point++) {
            TrafficSum sum = new TrafficSum();
            for (int i = point * bucketsPerPoint; i < (point + 1) * bucketsPerPoint; i++) {
                if (buckets.get(i) instanceof Map<?, ?> fields) {
                    sum.addBucket(fields);
                }
            }
            TrafficCounts counts = sum.counts();
            totals.add(counts);
            peakInFlight = Math.max(peakInFlight, sum.inFlight());
            points.add(new TrafficPoint(Instant.ofEpochSecond(firstStart + point * step), counts, sum.inFlight()));
        }
        return new TrafficSeries(window, Instant.ofEpochSecond(firstStart), now, points, totals.counts(), peakInFlight);
    }

    /** HGETALL of every key in one pipelined round trip, in key order (an absent key gives an empty map). */
    private List<Object> read(List<String> keys) {
        try {
            return redis.executePipelined(new SessionCallback<Object>() {
                @Override
                @SuppressWarnings("unchecked")
                public <K, V> Object execute(RedisOperations<K, V> operations) {
                    RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
                    keys.forEach(key -> ops.opsForHash().entries(key));
                    return null;
                }
            });
        } catch (DataAccessException e) {
            log.warn("Traffic history unavailable: {}", e.getMessage());
            throw new SignalboxProblemException(ProblemType.UNAVAILABLE,
                    "The live traffic store is unavailable; retry in a moment");
        }
    }
}
