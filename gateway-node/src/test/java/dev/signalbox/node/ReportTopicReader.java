package dev.signalbox.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.signalbox.embedded.EmbeddedKafka;

/**
 * Reads one of the topics nodes report to from its beginning, as the panel would, with a plain
 * consumer; each {@link #poll} returns what arrived since the last one. The tests create these
 * topics with one partition.
 */
final class ReportTopicReader<T> implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Function<byte[], T> decoder;

    ReportTopicReader(EmbeddedKafka kafka, String topic, Function<byte[], T> decoder) {
        this.decoder = decoder;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
    }

    /** The reports that arrived since the last poll, waiting up to 200 ms for some. */
    List<T> poll() {
        List<T> reports = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            reports.add(decoder.apply(record.value()));
        }
        return reports;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
