package dev.signalbox.node.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.signalbox.node.KafkaConnectionProperties;
import dev.signalbox.node.NodeProperties;
import dev.signalbox.node.health.HealthProperties;
import dev.signalbox.node.health.TargetHealthRegistry;
import dev.signalbox.node.outlier.OutlierDetector;
import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.DrainingTargets;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.TargetHealthReport;
import dev.signalbox.protocol.TargetHealthState;
import dev.signalbox.protocol.TargetHealthStatus;
import dev.signalbox.protocol.Topics;

/**
 * Sends the health of the targets the node checks to the target health topic: every target in a
 * complete report on a new config and every {@code signalbox.node.target-health-refresh}, and
 * within {@link #COALESCING} of a target changing state the groups whose targets changed state (or
 * ejection, or panic mode) in a partial one, every change of that span in one report; their latest
 * probes go with them, the other groups' with the next complete report. With thousands of targets
 * a complete report is large; a change costs a report of its groups only. It looks for changes on its own
 * thread by comparing the versions of the health registry and the outlier detector, and the served
 * config, with those it last reported, so neither health checks nor config changes ever wait on it.
 */
@Component
public class TargetHealthReporter implements SmartLifecycle {

    /** How often it looks for changes: changes closer together than this go out as one report. */
    static final Duration COALESCING = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(TargetHealthReporter.class);

    private final NodeProperties node;
    private final KafkaConnectionProperties kafka;
    private final ActiveConfig activeConfig;
    private final TargetHealthRegistry registry;
    private final OutlierDetector outliers;
    private final DrainingTargets drainingTargets;
    private final HealthProperties health;
    private final ProtocolCodec codec;
    private final Clock clock;

    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable ReportSender sender;
    // used by the scheduler's one thread only
    private @Nullable AppliedConfig reportedConfig;
    private long reportedVersion;
    private long reportedAtNanos;
    private Map<UUID, List<TargetState>> reportedGroups = Map.of();
    private Set<UUID> reportedPanic = Set.of();

    public TargetHealthReporter(NodeProperties node, KafkaConnectionProperties kafka, ActiveConfig activeConfig,
            TargetHealthRegistry registry, OutlierDetector outliers, DrainingTargets drainingTargets,
            HealthProperties health, ProtocolCodec codec, Clock clock) {
        this.node = node;
        this.kafka = kafka;
        this.activeConfig = activeConfig;
        this.registry = registry;
        this.outliers = outliers;
        this.drainingTargets = drainingTargets;
        this.health = health;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        sender = new ReportSender(kafka, node.id(), "target-health", Topics.TARGET_HEALTH, "target health report");
        scheduler = ReporterThread.start("signalbox-health-reporter");
        long period = COALESCING.toMillis();
        scheduler.scheduleWithFixedDelay(this::reportIfDue, 0, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        if (sender != null) {
            sender.close();
            sender = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }

    private void reportIfDue() {
        ReportSender sending = sender;
        if (sending == null) {
            return;
        }
        // read before the report is built, so a change while building is reported by the next look
        long version = registry.version() + outliers.version();
        AppliedConfig config = activeConfig.current();
        long now = System.nanoTime();
        boolean refreshDue = reportedConfig == null || now - reportedAtNanos >= node.targetHealthRefresh().toNanos();
        if (!refreshDue && version == reportedVersion && config == reportedConfig) {
            return;
        }
        boolean complete = refreshDue || config != reportedConfig;
        reportedVersion = version;
        reportedConfig = config;
        try {
            TargetHealthReport report = report(config, complete);
            if (complete) {
                reportedAtNanos = now;
            }
            if (complete || !report.targets().isEmpty() || !report.panicGroups().isEmpty()) {
                sending.send(node.id(), codec.encode(report));
            }
        } catch (RuntimeException e) {
            log.warn("Cannot build the target health report", e);
        }
    }

    /** A complete report, or a partial one of the groups that differ from what was last reported. */
    private TargetHealthReport report(AppliedConfig config, boolean complete) {
        List<TargetHealthStatus> statuses = TargetHealthStatuses.of(config, registry, outliers,
                drainingTargets.draining());
        Set<UUID> panic = Set.copyOf(
                TargetHealthStatuses.panicGroups(config, registry, outliers, health.panicThresholdPercent()));
        Map<UUID, List<TargetHealthStatus>> byGroup = new HashMap<>();
        Map<UUID, List<TargetState>> states = new HashMap<>();
        for (TargetHealthStatus status : statuses) {
            byGroup.computeIfAbsent(status.targetGroupId(), group -> new ArrayList<>()).add(status);
            states.computeIfAbsent(status.targetGroupId(), group -> new ArrayList<>()).add(TargetState.of(status));
        }
        List<TargetHealthStatus> sent = statuses;
        Set<UUID> sentPanic = panic;
        if (!complete) {
            sent = new ArrayList<>();
            sentPanic = new HashSet<>();
            for (Map.Entry<UUID, List<TargetHealthStatus>> group : byGroup.entrySet()) {
                UUID id = group.getKey();
                boolean panicChanged = panic.contains(id) != reportedPanic.contains(id);
                if (panicChanged || !states.get(id).equals(reportedGroups.get(id))) {
                    sent.addAll(group.getValue());
                    if (panic.contains(id)) {
                        sentPanic.add(id);
                    }
                }
            }
        }
        reportedGroups = states;
        reportedPanic = panic;
        return new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, node.id(), clock.instant(), sent,
                List.copyOf(sentPanic), !complete);
    }

    /** What of a target's health makes its group go out in a partial report: not its probes. */
    private record TargetState(UUID targetId, TargetHealthState state, @Nullable String reason, Instant since,
            @Nullable Instant ejectedUntil) {

        static TargetState of(TargetHealthStatus status) {
            return new TargetState(status.targetId(), status.state(), status.reason(), status.since(),
                    status.ejectedUntil());
        }
    }
}
