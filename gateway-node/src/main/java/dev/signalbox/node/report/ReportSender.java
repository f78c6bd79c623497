package dev.signalbox.node.report;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.signalbox.node.KafkaConnectionProperties;

/**
 * Sends one kind of report to its topic on a producer of its own, so a large or stuck report of
 * one kind never holds up another. A report is worth little late: while Kafka is away a send fails
 * within a second and the next report tries again, with one warning per outage, not one per report.
 */
final class ReportSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReportSender.class);

    /**
     * Reports of every target or every window of a node can be large; they are compressed, so the
     * limit on one uncompressed report is well above what the broker takes compressed.
     */
    private static final int MAX_REPORT_BYTES = 16 * 1024 * 1024;

    private final String topic;
    private final String what;
    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicBoolean lastSendFailed = new AtomicBoolean();

    /**
     * @param clientSuffix names the producer among the node's Kafka clients
     * @param what         what is sent, for the log: "status report"
     */
    ReportSender(KafkaConnectionProperties kafka, String nodeId, String clientSuffix, String topic, String what) {
        this.topic = topic;
        this.what = what;
        this.bootstrapServers = String.join(",", kafka.bootstrapServers());
        this.producer = new KafkaProducer<>(settings(kafka, "signalbox-node-" + nodeId + "-" + clientSuffix));
    }

    /** Sends without waiting for the broker; failures are logged, never thrown. */
    void send(String key, byte[] report) {
        try {
            producer.send(new ProducerRecord<>(topic, key, report), (metadata, failure) -> {
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

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }

    private void sent() {
        if (lastSendFailed.compareAndSet(true, false)) {
            log.info("{}s reach {} again", capitalized(what), topic);
        }
    }

    private void failed(Exception failure) {
        if (lastSendFailed.compareAndSet(false, true)) {
            log.warn("Cannot send {} to {} on {}, the next one will try again: {}", what, topic, bootstrapServers,
                    failure.toString());
        } else {
            log.debug("Sending a {} failed again", what, failure);
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Map<String, Object> settings(KafkaConnectionProperties kafka, String clientId) {
        Map<String, Object> settings = kafka.clientSettings(clientId);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // fail fast while Kafka is away and let the next report try
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // JSON of repeated ids and field names shrinks several times over
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REPORT_BYTES);
        return settings;
    }
}
