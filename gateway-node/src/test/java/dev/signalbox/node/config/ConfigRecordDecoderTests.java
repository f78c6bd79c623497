package dev.signalbox.node.config;

import static dev.signalbox.node.TestSnapshots.loadBalancer;
import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import dev.signalbox.node.routing.ConfigChange;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.Topics;

class ConfigRecordDecoderTests {

    private final ProtocolCodec codec = new ProtocolCodec();
    private final ConfigRecordDecoder decoder = new ConfigRecordDecoder(codec);
    private long offset;

    @Test
    void decodesSnapshotsAndTombstonesInOrder() {
        LoadBalancerSnapshot snapshot = loadBalancer(UUID.randomUUID(), 3, List.of("shop.test"), 8000,
                List.of(target("a", 80)));
        UUID deleted = UUID.randomUUID();

        List<ConfigChange> changes = decoder.decode(records(
                record(snapshot.id().toString(), codec.encode(snapshot)),
                record(deleted.toString(), null)));

        assertThat(changes).containsExactly(ConfigChange.update(snapshot), ConfigChange.deletion(deleted));
    }

    @Test
    void skipsRecordsThatNameNoLoadBalancerOrAreNoSnapshot() {
        LoadBalancerSnapshot snapshot = loadBalancer(UUID.randomUUID(), 1, List.of("shop.test"), 8000,
                List.of(target("a", 80)));

        List<ConfigChange> changes = decoder.decode(records(
                record("not-a-uuid", null),
                record(null, null),
                record(UUID.randomUUID().toString(), "{not json".getBytes(StandardCharsets.UTF_8)),
                record(UUID.randomUUID().toString(), codec.encode(snapshot)),
                record(snapshot.id().toString(), codec.encode(snapshot))));

        // only the last record survives: the one before it sits under a key that is not its id
        assertThat(changes).containsExactly(ConfigChange.update(snapshot));
    }

    private ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(Topics.CONFIG, 0, offset++, key, value);
    }

    @SafeVarargs
    private static ConsumerRecords<String, byte[]> records(ConsumerRecord<String, byte[]>... records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.CONFIG, 0), List.of(records)));
    }
}
