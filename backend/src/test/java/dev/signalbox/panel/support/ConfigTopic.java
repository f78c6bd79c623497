package dev.signalbox.panel.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.Topics;

/** Reads the config topic from the beginning, as a gateway node does. */
public final class ConfigTopic {

    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private ConfigTopic() {
    }

    /** One record of a load balancer: its snapshot, or null for a tombstone. */
    public record Message(String key, @Nullable LoadBalancerSnapshot snapshot) {
    }

    /** All records of {@code key} in topic order, polling until {@code until} holds for them or the timeout passes. */
    public static List<Message> awaitMessages(String key, Predicate<List<Message>> until, Duration timeout) {
        List<Message> messages = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            messages = readAll(key);
            if (until.test(messages)) {
                return messages;
            }
            sleep(200);
        }
        return messages;
    }

    /** The last record of {@code key}, once its snapshot satisfies {@code condition} (or a tombstone if asked). */
    public static Optional<Message> awaitLatest(String key, Predicate<Message> condition, Duration timeout) {
        List<Message> messages = awaitMessages(key, list -> !list.isEmpty() && condition.test(list.get(list.size() - 1)),
                timeout);
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
    }

    private static List<Message> readAll(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServices.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONFIG, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            List<Message> messages = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(10);
            while (!reachedEnd(consumer, ends) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        messages.add(new Message(record.key(),
                                record.value() == null ? null : CODEC.decodeSnapshot(record.value())));
                    }
                }
            }
            return messages;
        } catch (org.apache.kafka.common.KafkaException e) {
            return List.of();
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
