package dev.signalbox.node.config;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.signalbox.node.routing.ConfigChange;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.ProtocolCodec;

/**
 * Turns config topic records into changes. A record that is not a valid snapshot is skipped with a
 * warning: one bad record must not stop a node from serving every other load balancer.
 */
class ConfigRecordDecoder {

    private static final Logger log = LoggerFactory.getLogger(ConfigRecordDecoder.class);

    private final ProtocolCodec codec;

    ConfigRecordDecoder(ProtocolCodec codec) {
        this.codec = codec;
    }

    List<ConfigChange> decode(ConsumerRecords<String, byte[]> records) {
        List<ConfigChange> changes = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                changes.add(decode(record));
            } catch (RuntimeException e) {
                log.warn("Skipping config record at {}-{} offset {} with key {}: {}", record.topic(),
                        record.partition(), record.offset(), record.key(), e.getMessage());
            }
        }
        return changes;
    }

    private ConfigChange decode(ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value();
        if (value == null) {
            if (record.key() == null) {
                throw new IllegalArgumentException("a tombstone without a key names no load balancer");
            }
            return ConfigChange.deletion(UUID.fromString(record.key()));
        }
        LoadBalancerSnapshot snapshot = codec.decodeSnapshot(value);
        if (record.key() != null && !record.key().equals(snapshot.id().toString())) {
            // compaction keeps one record per key, so a snapshot under a foreign key could never be deleted
            throw new IllegalArgumentException("the key differs from the snapshot's id " + snapshot.id());
        }
        return ConfigChange.update(snapshot);
    }
}
