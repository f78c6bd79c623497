package dev.signalbox.node;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.signalbox.embedded.EmbeddedKafka;
import dev.signalbox.protocol.CertificateSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.NodeStatus;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.Topics;

/** What the panel does on Kafka, for tests: creates the topics, publishes config and certificates, reads node status. */
public final class TestKafka {

    /** More than one, so the node's reading of every partition is exercised. */
    public static final int CONFIG_PARTITIONS = 3;

    private final EmbeddedKafka kafka;
    private final ProtocolCodec codec = new ProtocolCodec();

    public TestKafka(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    public void createTopics() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(
                    new NewTopic(Topics.CONFIG, CONFIG_PARTITIONS, (short) 1)
                            .configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(Topics.CERTIFICATES, CONFIG_PARTITIONS, (short) 1)
                            .configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(Topics.NODE_STATUS, 1, (short) 1),
                    new NewTopic(Topics.TARGET_HEALTH, 1, (short) 1),
                    new NewTopic(Topics.NODE_METRICS, 1, (short) 1))).all().get();
        }
    }

    /** Publishes a snapshot keyed by its load balancer id; returns the partition it went to. */
    public int publish(LoadBalancerSnapshot snapshot) {
        return send(new ProducerRecord<>(Topics.CONFIG, snapshot.id().toString(), codec.encode(snapshot)));
    }

    /** Publishes a snapshot into one partition, to order it after another record there. */
    public void publish(LoadBalancerSnapshot snapshot, int partition) {
        send(new ProducerRecord<>(Topics.CONFIG, partition, snapshot.id().toString(), codec.encode(snapshot)));
    }

    /** Publishes any bytes, as a buggy or foreign producer might. */
    public void publishRaw(String key, byte[] value) {
        send(new ProducerRecord<>(Topics.CONFIG, key, value));
    }

    public void publishDeletion(UUID loadBalancerId) {
        send(new ProducerRecord<>(Topics.CONFIG, loadBalancerId.toString(), null));
    }

    /** Publishes a certificate keyed by its id, its private key sealed as the snapshot holds it. */
    public void publish(CertificateSnapshot certificate) {
        send(new ProducerRecord<>(Topics.CERTIFICATES, certificate.id().toString(), codec.encode(certificate)));
    }

    public void publishCertificateDeletion(UUID certificateId) {
        send(new ProducerRecord<>(Topics.CERTIFICATES, certificateId.toString(), null));
    }

    /** The first status report that matches, reading the status topic from the start for up to 30 s. */
    public Optional<NodeStatus> awaitStatus(Predicate<NodeStatus> wanted) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            TopicPartition partition = new TopicPartition(Topics.NODE_STATUS, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    NodeStatus status = codec.decodeNodeStatus(record.value());
                    if (wanted.test(status)) {
                        return Optional.of(status);
                    }
                }
            }
            return Optional.empty();
        }
    }

    private int send(ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            return producer.send(record).get().partition();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

