package dev.signalbox.node.report;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.signalbox.node.KafkaConnectionProperties;
import dev.signalbox.node.NodeProperties;
import dev.signalbox.node.metrics.TrafficRegistry;
import dev.signalbox.protocol.MetricsReport;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.Topics;
import dev.signalbox.protocol.TrafficWindow;

/**
 * Ends a metrics window every {@code signalbox.node.metrics-interval} and sends its traffic to the
 * metrics topic, on its own thread and producer. A window without any traffic or request in flight
 * is not sent; when the node stops, the window under way is sent as it is.
 */
@Component
public class MetricsReporter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MetricsReporter.class);

    private final NodeProperties node;
    private final KafkaConnectionProperties kafka;
    private final TrafficRegistry traffic;
    private final ProtocolCodec codec;
    private final Clock clock;

    private @Nullable ScheduledExecutorService scheduler;
    private volatile @Nullable ReportSender sender;
    /** Ends one window at a time: the scheduled end and the last one when stopping. */
    private final Object windowLock = new Object();
    private Instant windowStart = Instant.EPOCH;

    public MetricsReporter(NodeProperties node, KafkaConnectionProperties kafka, TrafficRegistry traffic,
            ProtocolCodec codec, Clock clock) {
        this.node = node;
        this.kafka = kafka;
        this.traffic = traffic;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        sender = new ReportSender(kafka, node.id(), "metrics", Topics.NODE_METRICS, "metrics report");
        scheduler = ReporterThread.start("signalbox-metrics-reporter");
        synchronized (windowLock) {
            windowStart = clock.instant();
        }
        long interval = node.metricsInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::endWindow, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        endWindow();
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

    private void endWindow() {
        ReportSender sending = sender;
        if (sending == null) {
            return;
        }
        Instant start;
        Instant end;
        List<TrafficWindow> windows;
        synchronized (windowLock) {
            start = windowStart;
            end = clock.instant();
            windows = traffic.drain();
            windowStart = end;
        }
        if (windows.isEmpty()) {
            return;
        }
        try {
            sending.send(node.id(), codec.encode(new MetricsReport(MetricsReport.SCHEMA_VERSION, node.id(), start, end,
                    windows)));
        } catch (RuntimeException e) {
            log.warn("Cannot build the metrics report", e);
        }
    }
}
