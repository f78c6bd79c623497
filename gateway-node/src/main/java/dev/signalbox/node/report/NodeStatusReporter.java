package dev.signalbox.node.report;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
 * a config was applied. Sending happens on the reporter's own thread, so neither applying config
 * nor Kafka being down ever waits on it; a failed report is logged and the next heartbeat retries.
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
    private final AtomicBoolean lastSendFailed = new AtomicBoolean();

    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable KafkaProducer<String, byte[]> producer;

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
        producer = new KafkaProducer<>(producerSettings());
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "signalbox-status-reporter");
            thread.setDaemon(true);
            return thread;
        });
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
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
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
        KafkaProducer<String, byte[]> sending = producer;
        if (sending == null) {
            return;
        }
        try {
            var record = new ProducerRecord<>(Topics.NODE_STATUS, node.id(), codec.encode(currentStatus()));
            sending.send(record, (metadata, failure) -> {
                if (failure == null) {
                    sent();
                } else {
                    failed(failure);
                }
            });
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void sent() {
        if (lastSendFailed.compareAndSet(true, false)) {
            log.info("Status reports reach {} again", Topics.NODE_STATUS);
        }
    }

    private void failed(Exception failure) {
        // one warning per outage, not one per heartbeat
        if (lastSendFailed.compareAndSet(false, true)) {
            log.warn("Cannot send status report to {} on {}, retrying every heartbeat: {}", Topics.NODE_STATUS,
                    kafka.bootstrapServers(), failure.toString());
        } else {
            log.debug("Status report failed again", failure);
        }
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = kafka.clientSettings("signalbox-node-" + node.id() + "-status");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // a heartbeat is worth nothing late: fail fast while Kafka is away and let the next one try
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return settings;
    }
}
