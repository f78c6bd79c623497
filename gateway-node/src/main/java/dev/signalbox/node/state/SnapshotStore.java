package dev.signalbox.node.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.ProtocolCodec;

/**
 * One file per load balancer, {@code <id>.json}, holding its snapshot exactly as the config topic
 * carries it. Files are replaced atomically ({@link AtomicFile}), so a crash leaves either the old
 * or the new snapshot, never half of one.
 */
public class SnapshotStore {

    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);
    private static final String SUFFIX = ".json";

    private final Path directory;
    private final ProtocolCodec codec;
    /** Revision of every file this store loaded or wrote, so unchanged snapshots are not rewritten. */
    private final Map<UUID, Long> storedRevisions = new ConcurrentHashMap<>();

    public SnapshotStore(Path directory, ProtocolCodec codec) {
        this.directory = directory;
        this.codec = codec;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Every readable snapshot in the directory. A file that cannot be read or decoded, or whose
     * snapshot belongs to another load balancer than its name says, is skipped with a warning: one
     * bad file must not keep the node from serving the others.
     */
    public List<LoadBalancerSnapshot> loadAll() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<LoadBalancerSnapshot> snapshots = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    LoadBalancerSnapshot snapshot = codec.decodeSnapshot(Files.readAllBytes(file));
                    if (!file.getFileName().toString().equals(fileName(snapshot.id()))) {
                        throw new IllegalArgumentException("it holds load balancer " + snapshot.id());
                    }
                    snapshots.add(snapshot);
                    storedRevisions.put(snapshot.id(), snapshot.revision());
                } catch (IOException | RuntimeException e) {
                    log.warn("Skipping stored snapshot {}: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("Cannot read stored snapshots in {}: {}", directory, e.toString());
        }
        return snapshots;
    }

    /** Writes the snapshot unless this revision is the one stored already. */
    public void save(LoadBalancerSnapshot snapshot) {
        Long stored = storedRevisions.get(snapshot.id());
        if (stored != null && stored == snapshot.revision()) {
            return;
        }
        try {
            AtomicFile.write(directory.resolve(fileName(snapshot.id())), codec.encode(snapshot));
            storedRevisions.put(snapshot.id(), snapshot.revision());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store snapshot of load balancer " + snapshot.id(), e);
        }
    }

    /** Removes the load balancer's file, after a tombstone or when the topic no longer has it. */
    public void delete(UUID loadBalancerId) {
        try {
            Files.deleteIfExists(directory.resolve(fileName(loadBalancerId)));
            storedRevisions.remove(loadBalancerId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete stored snapshot of load balancer " + loadBalancerId, e);
        }
    }

    /** Load balancers this store loaded or wrote and has not deleted. */
    public Set<UUID> storedIds() {
        return Set.copyOf(storedRevisions.keySet());
    }

    private static String fileName(UUID loadBalancerId) {
        return loadBalancerId + SUFFIX;
    }
}
