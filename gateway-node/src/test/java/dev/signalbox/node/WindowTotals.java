package dev.signalbox.node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.MetricsReport;
import dev.signalbox.protocol.TrafficWindow;

/** The metrics windows of one load balancer summed up per group and target, as the panel would add them. */
final class WindowTotals {

    /** Sums of the counts of windows. */
    record Totals(long requests, long responses1xx, long responses2xx, long responses3xx, long responses4xx,
            long responses5xx, long bytesReceived, long bytesSent, long latencyCounts) {

        static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0);

        static Totals of(TrafficWindow window) {
            return new Totals(window.requests(), window.responses1xx(), window.responses2xx(),
                    window.responses3xx(), window.responses4xx(), window.responses5xx(), window.bytesReceived(),
                    window.bytesSent(), window.latencyCounts().stream().mapToLong(Long::longValue).sum());
        }

        Totals plus(Totals other) {
            return new Totals(requests + other.requests, responses1xx + other.responses1xx,
                    responses2xx + other.responses2xx, responses3xx + other.responses3xx,
                    responses4xx + other.responses4xx, responses5xx + other.responses5xx,
                    bytesReceived + other.bytesReceived, bytesSent + other.bytesSent, latencyCounts + other.latencyCounts);
        }
    }

    /** Whose windows: the load balancer's own (no group), a group's (no target) or a target's. */
    private record Subject(@Nullable UUID group, @Nullable UUID target) {
    }

    private final UUID loadBalancerId;
    private final Map<Subject, Totals> totals = new HashMap<>();

    WindowTotals(UUID loadBalancerId) {
        this.loadBalancerId = loadBalancerId;
    }

    void add(List<MetricsReport> reports) {
        for (MetricsReport report : reports) {
            for (TrafficWindow window : report.windows()) {
                if (window.loadBalancerId().equals(loadBalancerId)) {
                    totals.merge(new Subject(window.targetGroupId(), window.targetId()), Totals.of(window), Totals::plus);
                }
            }
        }
    }

    Totals loadBalancer() {
        return totals.getOrDefault(new Subject(null, null), Totals.NONE);
    }

    Totals group(UUID groupId) {
        return totals.getOrDefault(new Subject(groupId, null), Totals.NONE);
    }

    Totals target(UUID groupId, UUID targetId) {
        return totals.getOrDefault(new Subject(groupId, targetId), Totals.NONE);
    }

    /** How many load balancer, group and target windows were seen. */
    int subjects() {
        return totals.size();
    }
}
