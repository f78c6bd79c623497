package dev.signalbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaIntegrationTests {

    private static final String TOPIC = "embedded.test";

    @Test
    void keepsRecordsAndClusterAcrossAStopAndStart() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0)) {
            String clusterId = clusterId(kafka);
            produce(kafka, "lb-1", "first");
            assertThat(consumeAll(kafka, 1)).containsExactly("lb-1=first");

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            kafka.start();

            assertThat(clusterId(kafka)).isEqualTo(clusterId);
            produce(kafka, "lb-2", "second");
            assertThat(consumeAll(kafka, 2)).containsExactly("lb-1=first", "lb-2=second");
        }
    }

    @Test
    void leavesNoBrokerThreadsBehindWhenClosed() throws Exception {
        Set<String> before = liveNonDaemonThreads();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0)) {
            produce(kafka, "k", "v");
        }
        // shutdown joins most threads; allow a moment for the last ones to finish
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<String> leftOver = leftOver(before);
        while (!leftOver.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            leftOver = leftOver(before);
        }
        assertThat(leftOver).isEmpty();
    }

    private static Set<String> leftOver(Set<String> before) {
        Set<String> now = liveNonDaemonThreads();
        now.removeAll(before);
        return now;
    }

    private static Set<String> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .map(thread -> thread.getName() + "#" + thread.getId())
                .collect(Collectors.toSet());
    }

    private static String clusterId(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.describeCluster().clusterId().get();
        }
    }

    private static void produce(EmbeddedKafka kafka, String key, String value) throws Exception {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    private static List<String> consumeAll(EmbeddedKafka kafka, int expected) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.key() + "=" + record.value());
                }
            }
        }
        return records;
    }
}
