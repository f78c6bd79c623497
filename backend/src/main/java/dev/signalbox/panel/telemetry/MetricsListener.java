package dev.signalbox.panel.telemetry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.signalbox.protocol.MetricsReport;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.ProtocolException;
import dev.signalbox.protocol.Topics;

/**
 * Consumes the nodes' metrics windows into the traffic buckets. All panel instances share one
 * consumer group, so each window is added once; a new group starts from the topic's beginning
 * (a day), which fills the buckets that are still kept.
 */
@Component
class MetricsListener {

    private static final Logger log = LoggerFactory.getLogger(MetricsListener.class);

    private final TrafficStore store;
    private final ProtocolCodec codec = new ProtocolCodec();

    MetricsListener(TrafficStore store) {
        this.store = store;
    }

    @KafkaListener(id = "signalbox-node-metrics", topics = Topics.NODE_METRICS, groupId = "signalbox-panel-node-metrics")
    void onReport(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            MetricsReport report = codec.decodeMetricsReport(record.value());
            if (report.nodeId() == null || report.windowStart() == null) {
                log.warn("Skipping a metrics report without node id or window start at offset {} of partition {}",
                        record.offset(), record.partition());
                return;
            }
            store.record(report);
        } catch (ProtocolException e) {
            log.warn("Skipping an unreadable metrics report at offset {} of partition {}: {}", record.offset(),
                    record.partition(), e.getMessage());
        }
    }
}
