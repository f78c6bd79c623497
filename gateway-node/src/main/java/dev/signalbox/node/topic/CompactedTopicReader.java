package dev.signalbox.node.topic;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

import dev.signalbox.node.KafkaConnectionProperties;

/**
 * Reads every partition of one compacted topic from the beginning, on its own thread, and hands
 * what it reads to a {@link Listener}. Every node reads everything, so there is no consumer group
 * and nothing is committed.
 *
 * <p>While Kafka is unreachable it keeps retrying with a growing backoff; after a failure it
 * resumes where it stopped instead of replaying the topic.
 */
public final class CompactedTopicReader {

    /** What the reader tells its owner, always on the reader's thread. */
    public interface Listener {

        void onRecords(ConsumerRecords<String, byte[]> records);

        /** Every record the topic held when Kafka was first reached has been handed over; called once. */
        void onCaughtUp();

        /** Kafka was reached, or an attempt to read failed. */
        void onReachable(boolean reachable);
    }

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicReader.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final String topic;
    private final String clientId;
    private final KafkaConnectionProperties kafka;
    private final Listener listener;
    /** End offsets when Kafka was first reached; null before that and once caught up; only the reader thread touches it. */
    private @Nullable Map<TopicPartition, Long> catchUpOffsets;
    private boolean caughtUp;
    /** Next offset to read per partition; only the reader thread touches it. */
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    /** Wait before the next attempt after a failure; only the reader thread touches it. */
    private Duration backoff = MIN_BACKOFF;

    private volatile boolean running;
    private volatile CountDownLatch stopSignal = new CountDownLatch(0);
    private volatile @Nullable KafkaConsumer<String, byte[]> consumer;
    private @Nullable Thread thread;

    /**
     * @param clientId Kafka client id, also the name of the reader's thread
     */
    public CompactedTopicReader(String topic, String clientId, KafkaConnectionProperties kafka, Listener listener) {
        this.topic = topic;
        this.clientId = clientId;
        this.kafka = kafka;
        this.listener = listener;
    }

    public synchronized void start() {
        stopSignal = new CountDownLatch(1);
        running = true;
        thread = new Thread(this::readUntilStopped, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops reading and waits for the reader's thread to end. */
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
                listener.onReachable(false);
                log.warn("Reading {} from {} failed, retrying in {} ms: {}", topic, kafka.bootstrapServers(),
                        backoff.toMillis(), e.toString());
                log.debug("Read failure of {}", topic, e);
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
        if (!caughtUp && catchUpOffsets == null) {
            catchUpOffsets = reading.endOffsets(partitions);
        }
        listener.onReachable(true);
        log.info("Reading {} partition(s) of {} from {}", partitions.size(), topic, kafka.bootstrapServers());
        backoff = MIN_BACKOFF;
        while (running) {
            checkCaughtUp(reading);
            ConsumerRecords<String, byte[]> records = reading.poll(POLL_TIMEOUT);
            if (!records.isEmpty()) {
                listener.onRecords(records);
                remember(records);
            }
        }
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
        caughtUp = true;
        listener.onCaughtUp();
        log.info("Caught up with {}", topic);
    }

    /** The topic's partitions; empty only when stopped. The panel creates the topic, so wait for it. */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> reading) {
        boolean announced = false;
        while (running) {
            var found = reading.partitionsFor(topic, METADATA_TIMEOUT);
            if (found != null && !found.isEmpty()) {
                return found.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            if (!announced) {
                log.info("Waiting for topic {} to exist on {}", topic, kafka.bootstrapServers());
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
        Map<String, Object> settings = kafka.clientSettings(clientId);
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
