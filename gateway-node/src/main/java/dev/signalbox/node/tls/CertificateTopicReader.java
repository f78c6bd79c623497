package dev.signalbox.node.tls;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.signalbox.node.KafkaConnectionProperties;
import dev.signalbox.node.NodeProperties;
import dev.signalbox.node.topic.CompactedTopicReader;
import dev.signalbox.protocol.CertificateSnapshot;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.Topics;

/**
 * Reads the whole certificates topic ({@link CompactedTopicReader}) into the {@link CertificateStore}:
 * a snapshot replaces the certificate of its id when its revision is newer and its key opens; a
 * tombstone removes it. A certificate that cannot be served is logged and skipped, and the one held
 * before stays: one bad certificate must not take the others down.
 *
 * <p>Served certificates are kept on disk, key still sealed, and loaded before anything else at
 * start, so a node restarted while Kafka is down serves HTTPS at once. As with config, stored
 * certificates the topic no longer has once the node caught up with it are removed.
 */
@Component
class CertificateTopicReader implements SmartLifecycle, CompactedTopicReader.Listener {

    private static final Logger log = LoggerFactory.getLogger(CertificateTopicReader.class);

    private final CertificateStore store;
    private final CertificateOpener opener;
    private final CertificateFiles files;
    private final ProtocolCodec codec;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CompactedTopicReader reader;
    /** Certificates loaded from disk the topic has not mentioned yet; only the reader thread touches it after start. */
    private final Set<UUID> unconfirmedFromDisk = new HashSet<>();
    private boolean diskLoaded;

    CertificateTopicReader(KafkaConnectionProperties kafka, NodeProperties node, CertificateStore store,
            CertificateOpener opener, CertificateFiles files, ProtocolCodec codec, ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.opener = opener;
        this.files = files;
        this.codec = codec;
        this.events = events;
        this.clock = clock;
        this.reader = new CompactedTopicReader(Topics.CERTIFICATES, "signalbox-node-" + node.id() + "-certificates",
                kafka, this);
    }

    @Override
    public synchronized void start() {
        if (!diskLoaded) {
            loadStored();
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

    /** Before the config reader, so the stored config finds the stored certificates when it binds its ports. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }

    @Override
    public void onRecords(ConsumerRecords<String, byte[]> records) {
        Set<UUID> changed = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                UUID id = UUID.fromString(String.valueOf(record.key()));
                unconfirmedFromDisk.remove(id);
                if (record.value() == null) {
                    if (remove(id)) {
                        changed.add(id);
                    }
                    continue;
                }
                CertificateSnapshot snapshot = codec.decodeCertificate(record.value());
                if (!snapshot.id().equals(id)) {
                    // compaction keeps one record per key, so a snapshot under a foreign key could never be deleted
                    throw new IllegalArgumentException("the key differs from the certificate's id " + snapshot.id());
                }
                if (take(snapshot)) {
                    changed.add(id);
                }
            } catch (RuntimeException e) {
                log.warn("Skipping certificate record at {}-{} offset {} with key {}: {}", record.topic(),
                        record.partition(), record.offset(), record.key(), e.getMessage());
            }
        }
        announce(changed);
    }

    @Override
    public void onCaughtUp() {
        if (!unconfirmedFromDisk.isEmpty()) {
            log.info("Removing {} stored certificate(s) the certificates topic no longer has", unconfirmedFromDisk.size());
            unconfirmedFromDisk.forEach(this::remove);
            announce(Set.copyOf(unconfirmedFromDisk));
            unconfirmedFromDisk.clear();
        }
    }

    @Override
    public void onReachable(boolean reachable) {
        // served certificates stay while Kafka is away; readiness follows the config topic alone
    }

    private void loadStored() {
        Set<UUID> loaded = new HashSet<>();
        for (CertificateSnapshot snapshot : files.loadAll()) {
            if (take(snapshot)) {
                loaded.add(snapshot.id());
            }
        }
        unconfirmedFromDisk.addAll(loaded);
        if (!loaded.isEmpty()) {
            log.info("Serving {} certificate(s) stored in {} until the certificates topic is read", loaded.size(),
                    files.directory());
        }
        announce(loaded);
    }

    /** @return whether the snapshot is now served */
    private boolean take(CertificateSnapshot snapshot) {
        ServedCertificate held = store.get(snapshot.id());
        if (held != null && snapshot.revision() <= held.snapshot().revision()) {
            log.debug("Ignoring revision {} of certificate {}: revision {} is served", snapshot.revision(),
                    snapshot.id(), held.snapshot().revision());
            return false;
        }
        ServedCertificate opened;
        try {
            opened = opener.open(snapshot);
        } catch (RuntimeException e) {
            log.warn("Rejecting revision {} of certificate {}{}: {}", snapshot.revision(), snapshot.id(),
                    held == null ? "" : " (revision " + held.snapshot().revision() + " stays served)", e.getMessage());
            return false;
        }
        store.put(opened);
        if (snapshot.notAfter().isBefore(clock.instant())) {
            log.warn("Certificate {} for {} expired at {}; it is served until replaced", snapshot.id(),
                    snapshot.hostNames(), snapshot.notAfter());
        }
        log.info("Serving revision {} of certificate {} for {}", snapshot.revision(), snapshot.id(), snapshot.hostNames());
        try {
            files.save(snapshot);
        } catch (RuntimeException e) {
            // serving goes on from memory; the disk copy only matters for the next start
            log.warn("Cannot store certificate {}: {}", snapshot.id(), e.toString());
        }
        return true;
    }

    private boolean remove(UUID id) {
        try {
            files.delete(id);
        } catch (RuntimeException e) {
            log.warn("Cannot delete stored certificate {}: {}", id, e.toString());
        }
        boolean held = store.remove(id);
        if (held) {
            log.info("Removed certificate {}", id);
        }
        return held;
    }

    private void announce(Set<UUID> changed) {
        if (!changed.isEmpty()) {
            events.publishEvent(new CertificatesChanged(changed));
        }
    }
}
