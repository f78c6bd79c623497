package dev.signalbox.panel.telemetry;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.signalbox.panel.SignalboxProperties;
import dev.signalbox.protocol.NodeStatus;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.ProtocolException;
import dev.signalbox.protocol.Topics;

/** Consumes node status reports into the live state. */
@Component
class NodeStatusListener {

    private static final Logger log = LoggerFactory.getLogger(NodeStatusListener.class);

    private final LiveNodeStore store;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final Clock clock;
    private final long silenceLimitMillis;

    NodeStatusListener(LiveNodeStore store, Clock clock, SignalboxProperties properties) {
        this.store = store;
        this.clock = clock;
        this.silenceLimitMillis = properties.telemetry().nodeSilenceLimit().toMillis();
    }

    @KafkaListener(id = "signalbox-node-status", topics = Topics.NODE_STATUS, groupId = "signalbox-panel")
    void onStatus(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        // A report older than the silence limit (a replay after downtime) would make a gone node look alive.
        if (record.timestamp() < clock.millis() - silenceLimitMillis) {
            return;
        }
        try {
            NodeStatus status = codec.decodeNodeStatus(record.value());
            store.record(status);
        } catch (ProtocolException e) {
            log.warn("Skipping an unreadable node status at offset {} of partition {}: {}", record.offset(),
                    record.partition(), e.getMessage());
        }
    }
}
