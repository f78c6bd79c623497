package dev.signalbox.panel.support;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.signalbox.protocol.MetricsReport;
import dev.signalbox.protocol.NodeStatus;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.TargetHealthReport;
import dev.signalbox.protocol.Topics;

/** Sends what a gateway node sends, encoded with the protocol's codec, to the test Kafka broker, keyed by node id. */
public final class NodeReports {

    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private NodeReports() {
    }

    public static void send(NodeStatus status) {
        send(Topics.NODE_STATUS, status.nodeId(), CODEC.encode(status));
    }

    public static void send(TargetHealthReport report) {
        send(Topics.TARGET_HEALTH, report.nodeId(), CODEC.encode(report));
    }

    public static void send(MetricsReport report) {
        send(Topics.NODE_METRICS, report.nodeId(), CODEC.encode(report));
    }

    /** Any bytes, e.g. a record no codec can read. */
    public static void send(String topic, String nodeId, byte[] value) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServices.kafka().bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, nodeId, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while sending the " + topic + " record of " + nodeId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("Kafka did not take the " + topic + " record of " + nodeId, e);
        }
    }
}
