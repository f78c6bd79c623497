package dev.signalbox.node.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.signalbox.node.KafkaConnectionProperties;
import dev.signalbox.node.NodeProperties;
import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.ConfigChange;
import dev.signalbox.node.state.SnapshotStore;
import dev.signalbox.node.topic.CompactedTopicReader;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.Topics;

/**
 * Reads the whole config topic ({@link CompactedTopicReader}) and applies what it reads. While Kafka
 * is unreachable the node keeps serving the config it has.
 *
 * <p>Before reading, it applies the snapshots stored on disk by the last run, so a node that starts
 * while Kafka is down serves its last config at once. The topic's snapshots replace them only when
 * newer, as always. Once the node has read up to the end offsets the topic had when it was first
 * reached, stored load balancers the topic did not mention are removed: their tombstones may have
 * been compacted away while the node was down.
 */
@Component
public class ConfigTopicReader implements SmartLifecycle, CompactedTopicReader.Listener {

    private static final Logger log = LoggerFactory.getLogger(ConfigTopicReader.class);

    private final ActiveConfig activeConfig;
    private final ConfigRecordDecoder decoder;
    private final SnapshotStore store;
    private final ConfigSyncState syncState;
    private final CompactedTopicReader reader;
    /** Load balancers served from disk and not yet seen in the topic; only the reader thread touches it after start. */
    private final Set<UUID> unconfirmedFromDisk = new HashSet<>();
    private boolean diskLoaded;

    public ConfigTopicReader(KafkaConnectionProperties kafka, NodeProperties node, ActiveConfig activeConfig,
            ProtocolCodec codec, SnapshotStore store, ConfigSyncState syncState) {
        this.activeConfig = activeConfig;
        this.decoder = new ConfigRecordDecoder(codec);
        this.store = store;
        this.syncState = syncState;
        this.reader = new CompactedTopicReader(Topics.CONFIG, "signalbox-node-" + node.id() + "-config", kafka, this);
    }

    @Override
    public synchronized void start() {
        if (!diskLoaded) {
            applyStoredSnapshots();
            diskLoaded = true;
        }
        reader.start();
    }

    @Override
    public void stop() {
        reader.stop();
    }

    @Override
    public boolean isRunning() {
        return reader.isRunning();
    }

    @Override
    public void onRecords(ConsumerRecords<String, byte[]> records) {
        List<ConfigChange> changes = decoder.decode(records);
        activeConfig.apply(changes);
        changes.forEach(change -> unconfirmedFromDisk.remove(change.loadBalancerId()));
    }

    @Override
    public void onCaughtUp() {
        if (!unconfirmedFromDisk.isEmpty()) {
            log.info("Removing {} stored load balancer(s) the config topic no longer has", unconfirmedFromDisk.size());
            activeConfig.apply(unconfirmedFromDisk.stream().map(ConfigChange::deletion).toList());
            unconfirmedFromDisk.clear();
        }
        syncState.caughtUp();
    }

    @Override
    public void onReachable(boolean reachable) {
        syncState.kafkaReachable(reachable);
    }

    private void applyStoredSnapshots() {
        List<LoadBalancerSnapshot> stored = store.loadAll();
        if (!stored.isEmpty()) {
            activeConfig.apply(stored.stream().map(ConfigChange::update).toList());
            stored.forEach(snapshot -> unconfirmedFromDisk.add(snapshot.id()));
            log.info("Serving {} load balancer(s) stored in {} until the config topic is read",
                    stored.size(), store.directory());
        }
        syncState.loadedFromDisk(stored.size());
    }
}
