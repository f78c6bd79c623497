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
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file per id in a directory, {@code <id>.json}, each holding a revisioned message exactly as
 * its topic carries it. Files are replaced atomically ({@link AtomicFile}), so a crash leaves either
 * the old or the new message, never half of one, and only when the revision changed.
 *
 * @param <T> the message kept, such as a load balancer snapshot
 */
public class RevisionedFiles<T> {

    private static final Logger log = LoggerFactory.getLogger(RevisionedFiles.class);
    private static final String SUFFIX = ".json";

    private final Path directory;
    private final String kind;
    private final Function<byte[], T> decoder;
    private final Function<T, byte[]> encoder;
    private final Function<T, UUID> id;
    private final ToLongFunction<T> revision;
    /** Revision of every file loaded or written, so unchanged messages are not rewritten. */
    private final Map<UUID, Long> storedRevisions = new ConcurrentHashMap<>();

    /**
     * @param kind what a file holds, for messages (e.g. "load balancer snapshot")
     */
    protected RevisionedFiles(Path directory, String kind, Function<byte[], T> decoder, Function<T, byte[]> encoder,
            Function<T, UUID> id, ToLongFunction<T> revision) {
        this.directory = directory;
        this.kind = kind;
        this.decoder = decoder;
        this.encoder = encoder;
        this.id = id;
        this.revision = revision;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Every readable message in the directory. A file that cannot be read or decoded, or whose
     * message has another id than its name says, is skipped with a warning: one bad file must not
     * keep the node from serving the others.
     */
    public List<T> loadAll() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<T> loaded = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    T message = decoder.apply(Files.readAllBytes(file));
                    UUID messageId = id.apply(message);
                    if (!file.getFileName().toString().equals(fileName(messageId))) {
                        throw new IllegalArgumentException("it holds " + kind + " " + messageId);
                    }
                    loaded.add(message);
                    storedRevisions.put(messageId, revision.applyAsLong(message));
                } catch (IOException | RuntimeException e) {
                    log.warn("Skipping stored {} {}: {}", kind, file, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("Cannot read stored {}s in {}: {}", kind, directory, e.toString());
        }
        return loaded;
    }

    /** Writes the message unless this revision is the one stored already. */
    public void save(T message) {
        UUID messageId = id.apply(message);
        long messageRevision = revision.applyAsLong(message);
        Long stored = storedRevisions.get(messageId);
        if (stored != null && stored == messageRevision) {
            return;
        }
        try {
            AtomicFile.write(directory.resolve(fileName(messageId)), encoder.apply(message));
            storedRevisions.put(messageId, messageRevision);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + kind + " " + messageId, e);
        }
    }

    /** Removes the file of {@code messageId}, after a tombstone or when the topic no longer has it. */
    public void delete(UUID messageId) {
        try {
            Files.deleteIfExists(directory.resolve(fileName(messageId)));
            storedRevisions.remove(messageId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete stored " + kind + " " + messageId, e);
        }
    }

    /** Ids this store loaded or wrote and has not deleted. */
    public Set<UUID> storedIds() {
        return Set.copyOf(storedRevisions.keySet());
    }

    private static String fileName(UUID messageId) {
        return messageId + SUFFIX;
    }
}
