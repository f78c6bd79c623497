package dev.signalbox.node.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.signalbox.node.KafkaConnectionProperties;
import dev.signalbox.node.NodeProperties;
import dev.signalbox.node.listener.ListenerPortBinder;
import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.ConfigApplied;
import dev.signalbox.protocol.NodeStatus;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.Topics;

/**
 * Sends this node's {@link NodeStatus} to the status topic every heartbeat interval and right after
 * a config was applied. Sending happens on the reporter's own thread and producer, so neither
 * applying config nor Kafka being down ever waits on it; a failed report is logged and the next
 * heartbeat retries.
 */
@Component
public class NodeStatusReporter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeStatusReporter.class);

    private final NodeProperties node;
    private final KafkaConnectionProperties kafka;
    private final ActiveConfig activeConfig;
    private final ListenerPortBinder listeners;
    private final ProtocolCodec codec;
    private final Clock clock;
    private final String version;

    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable ReportSender sender;

    public NodeStatusReporter(NodeProperties node, KafkaConnectionProperties kafka, ActiveConfig activeConfig,
            ListenerPortBinder listeners, ProtocolCodec codec, Clock clock, ObjectProvider<BuildProperties> build) {
        this.node = node;
        this.kafka = kafka;
        this.activeConfig = activeConfig;
        this.listeners = listeners;
        this.codec = codec;
        this.clock = clock;
        BuildProperties buildProperties = build.getIfAvailable();
        this.version = buildProperties == null ? "unknown" : buildProperties.getVersion();
    }

    @Override
    public synchronized void start() {
        sender = new ReportSender(kafka, node.id(), "status", Topics.NODE_STATUS, "status report");
        scheduler = ReporterThread.start("signalbox-status-reporter");
        long interval = node.heartbeatInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::report, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** Reports once the listeners have been bound for the same change. */
    @EventListener
    @Order(ListenerPortBinder.EVENT_ORDER + 1)
    public synchronized void onConfigApplied(ConfigApplied applied) {
        if (scheduler == null) {
            return;
        }
        try {
            scheduler.execute(this::report);
        } catch (RejectedExecutionException e) {
            // stopping: there is nobody left to report to
        }
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

    /** Starts before the config reader, so the first applied config is already reported. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }

    /** The status as of now. */
    public NodeStatus currentStatus() {
        return new NodeStatus(NodeStatus.SCHEMA_VERSION, node.id(), version, clock.instant(),
                new ArrayList<>(listeners.boundPorts()), activeConfig.current().appliedRevisions());
    }

    private void report() {
        ReportSender sending = sender;
        if (sending == null) {
            return;
        }
        try {
            sending.send(node.id(), codec.encode(currentStatus()));
        } catch (RuntimeException e) {
            log.warn("Cannot encode the status report", e);
        }
    }
}
