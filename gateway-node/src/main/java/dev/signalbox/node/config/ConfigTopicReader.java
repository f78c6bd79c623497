package dev.signalbox.node.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.signalbox.node.KafkaConnectionProperties;
import dev.signalbox.node.NodeProperties;
import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.ConfigChange;
import dev.signalbox.node.state.SnapshotStore;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.Topics;

/**
 * Reads every partition of the config topic from the beginning, on its own thread, and applies what
 * it reads. Every node reads everything, so there is no consumer group and nothing is committed.
 *
 * <p>While Kafka is unreachable the node keeps serving the config it has and keeps retrying; after
 * a failure it resumes where it stopped instead of replaying the topic.
 *
 * <p>Before reading, it applies the snapshots stored on disk by the last run, so a node that starts
 * while Kafka is down serves its last config at once. The topic's snapshots replace them only when
 * newer, as always. Once the node has read up to the end offsets the topic had when it was first
 * reached, stored load balancers the topic did not mention are removed: their tombstones may have
 * been compacted away while the node was down.
 */
@Component
public class ConfigTopicReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConfigTopicReader.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final KafkaConnectionProperties kafka;
    private final NodeProperties node;
    private final ActiveConfig activeConfig;
    private final ConfigRecordDecoder decoder;
    private final SnapshotStore store;
    private final ConfigSyncState syncState;
    /** Load balancers served from disk and not yet seen in the topic; only the reader thread touches it after start. */
    private final Set<UUID> unconfirmedFromDisk = new HashSet<>();
    /** End offsets when Kafka was first reached; null once caught up or before; only the reader thread touches it. */
    private @Nullable Map<TopicPartition, Long> catchUpOffsets;
    private boolean diskLoaded;
    /** Next offset to read per partition; only the reader thread touches it. */
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    /** Wait before the next attempt after a failure; only the reader thread touches it. */
    private Duration backoff = MIN_BACKOFF;

    private volatile boolean running;
    private volatile CountDownLatch stopSignal = new CountDownLatch(0);
    private volatile @Nullable KafkaConsumer<String, byte[]> consumer;
    private @Nullable Thread thread;

    public ConfigTopicReader(KafkaConnectionProperties kafka, NodeProperties node, ActiveConfig activeConfig,
            ProtocolCodec codec, SnapshotStore store, ConfigSyncState syncState) {
        this.kafka = kafka;
        this.node = node;
        this.activeConfig = activeConfig;
        this.decoder = new ConfigRecordDecoder(codec);
        this.store = store;
        this.syncState = syncState;
    }

    @Override
    public synchronized void start() {
        if (!diskLoaded) {
            applyStoredSnapshots();
            diskLoaded = true;
        }
        stopSignal = new CountDownLatch(1);
        running = true;
        thread = new Thread(this::readUntilStopped, "signalbox-config-reader");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopSignal.countDown();
        KafkaConsumer<String, byte[]> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        Thread stopping = thread;
        if (stopping != null) {
            try {
                stopping.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void readUntilStopped() {
        while (running) {
            try (KafkaConsumer<String, byte[]> reading = new KafkaConsumer<>(consumerSettings())) {
                consumer = reading;
                readWhileRunning(reading);
            } catch (WakeupException | InterruptException e) {
                // stop() woke the consumer up
            } catch (RuntimeException e) {
                syncState.kafkaReachable(false);
                log.warn("Reading {} from {} failed, retrying in {} ms: {}", Topics.CONFIG,
                        kafka.bootstrapServers(), backoff.toMillis(), e.toString());
                log.debug("Config topic read failure", e);
                pause(backoff);
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
            } finally {
                consumer = null;
            }
        }
    }

    private void readWhileRunning(KafkaConsumer<String, byte[]> reading) {
        List<TopicPartition> partitions = awaitPartitions(reading);
        if (partitions.isEmpty()) {
            return;
        }
        reading.assign(partitions);
        for (TopicPartition partition : partitions) {
            Long next = nextOffsets.get(partition);
            if (next == null) {
                reading.seekToBeginning(List.of(partition));
            } else {
                reading.seek(partition, next);
            }
        }
        if (!syncState.isCaughtUp() && catchUpOffsets == null) {
            catchUpOffsets = reading.endOffsets(partitions);
        }
        syncState.kafkaReachable(true);
        log.info("Reading {} partition(s) of {} from {}", partitions.size(), Topics.CONFIG, kafka.bootstrapServers());
        backoff = MIN_BACKOFF;
        while (running) {
            checkCaughtUp(reading);
            ConsumerRecords<String, byte[]> records = reading.poll(POLL_TIMEOUT);
            if (!records.isEmpty()) {
                List<ConfigChange> changes = decoder.decode(records);
                activeConfig.apply(changes);
                remember(records);
                changes.forEach(change -> unconfirmedFromDisk.remove(change.loadBalancerId()));
            }
        }
    }

    private void applyStoredSnapshots() {
        List<LoadBalancerSnapshot> stored = store.loadAll();
        if (!stored.isEmpty()) {
            activeConfig.apply(stored.stream().map(ConfigChange::update).toList());
            stored.forEach(snapshot -> unconfirmedFromDisk.add(snapshot.id()));
            log.info("Serving {} load balancer(s) stored in {} until the config topic is read",
                    stored.size(), store.directory());
        }
        syncState.loadedFromDisk(stored.size());
    }

    private void checkCaughtUp(KafkaConsumer<String, byte[]> reading) {
        Map<TopicPartition, Long> targets = catchUpOffsets;
        if (targets == null) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            if (reading.position(target.getKey()) < target.getValue()) {
                return;
            }
        }
        catchUpOffsets = null;
        if (!unconfirmedFromDisk.isEmpty()) {
            log.info("Removing {} stored load balancer(s) the config topic no longer has", unconfirmedFromDisk.size());
            activeConfig.apply(unconfirmedFromDisk.stream().map(ConfigChange::deletion).toList());
            unconfirmedFromDisk.clear();
        }
        syncState.caughtUp();
        log.info("Caught up with {}", Topics.CONFIG);
    }

    /** The topic's partitions; empty only when stopped. The panel creates the topic, so wait for it. */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> reading) {
        boolean announced = false;
        while (running) {
            var found = reading.partitionsFor(Topics.CONFIG, METADATA_TIMEOUT);
            if (found != null && !found.isEmpty()) {
                return found.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            if (!announced) {
                log.info("Waiting for topic {} to exist on {}", Topics.CONFIG, kafka.bootstrapServers());
                announced = true;
            }
            pause(MIN_BACKOFF.multipliedBy(2));
        }
        return List.of();
    }

    private void remember(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> read = records.records(partition);
            nextOffsets.put(partition, read.get(read.size() - 1).offset() + 1);
        }
    }

    private void pause(Duration duration) {
        try {
            stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Map<String, Object> consumerSettings() {
        Map<String, Object> settings = kafka.clientSettings("signalbox-node-" + node.id() + "-config");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the topic must be created compacted by the panel; a node must never create it by reading
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) METADATA_TIMEOUT.toMillis());
        settings.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        return settings;
    }
}
