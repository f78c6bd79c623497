package dev.signalbox.node.report;

import java.time.Clock;
import java.time.Duration;
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
import dev.signalbox.protocol.Topics;

/**
 * Sends the health of every target the node checks to the target health topic: within
 * {@link #COALESCING} of a target changing state or of a new config, with every change of that
 * span in one report, and every heartbeat interval in any case. It looks for changes on its own
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
        boolean heartbeatDue = reportedConfig == null || now - reportedAtNanos >= node.heartbeatInterval().toNanos();
        if (!heartbeatDue && version == reportedVersion && config == reportedConfig) {
            return;
        }
        reportedVersion = version;
        reportedConfig = config;
        reportedAtNanos = now;
        try {
            sending.send(node.id(), codec.encode(report(config)));
        } catch (RuntimeException e) {
            log.warn("Cannot build the target health report", e);
        }
    }

    private TargetHealthReport report(AppliedConfig config) {
        return new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, node.id(), clock.instant(),
                TargetHealthStatuses.of(config, registry, outliers, drainingTargets.draining()),
                TargetHealthStatuses.panicGroups(config, registry, outliers, health.panicThresholdPercent()));
    }
}
