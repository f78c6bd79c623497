package dev.signalbox.panel.telemetry;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.signalbox.panel.SignalboxProperties;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.ProtocolException;
import dev.signalbox.protocol.TargetHealthReport;
import dev.signalbox.protocol.Topics;

/**
 * Consumes the nodes' target health reports into the live state. All panel instances share one
 * consumer group: the state is in Redis, so each report needs to be written once, and keying by node
 * id keeps one node's reports in order on one consumer.
 */
@Component
class TargetHealthListener {

    private static final Logger log = LoggerFactory.getLogger(TargetHealthListener.class);

    private final TargetHealthStore store;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final Clock clock;
    private final long ttlMillis;

    TargetHealthListener(TargetHealthStore store, Clock clock, SignalboxProperties properties) {
        this.store = store;
        this.clock = clock;
        this.ttlMillis = properties.telemetry().targetHealthTtl().toMillis();
    }

    @KafkaListener(id = "signalbox-target-health", topics = Topics.TARGET_HEALTH, groupId = "signalbox-panel-target-health")
    void onReport(ConsumerRecord<String, byte[]> record) {
        // a report older than its time to live (a replay after downtime) would bring back a gone node's view
        if (record.value() == null || record.timestamp() < clock.millis() - ttlMillis) {
            return;
        }
        try {
            TargetHealthReport report = codec.decodeTargetHealthReport(record.value());
            if (report.nodeId() == null || report.sentAt() == null) {
                log.warn("Skipping a target health report without node id or time at offset {} of partition {}",
                        record.offset(), record.partition());
                return;
            }
            store.record(report);
        } catch (ProtocolException e) {
            log.warn("Skipping an unreadable target health report at offset {} of partition {}: {}", record.offset(),
                    record.partition(), e.getMessage());
        }
    }
}
