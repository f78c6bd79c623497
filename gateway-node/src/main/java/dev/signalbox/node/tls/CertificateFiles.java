package dev.signalbox.node.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.signalbox.node.state.AtomicFile;
import dev.signalbox.protocol.CertificateSnapshot;
import dev.signalbox.protocol.ProtocolCodec;

/**
 * The certificates a node serves, kept on disk for static stability: one file per certificate,
 * {@code <id>.json}, holding its snapshot as the topic carries it, private key still sealed.
 */
class CertificateFiles {

    private static final Logger log = LoggerFactory.getLogger(CertificateFiles.class);
    private static final String SUFFIX = ".json";

    private final Path directory;
    private final ProtocolCodec codec;
    /** Revision of every file loaded or written, so unchanged snapshots are not rewritten. */
    private final Map<UUID, Long> storedRevisions = new ConcurrentHashMap<>();

    CertificateFiles(Path directory, ProtocolCodec codec) {
        this.directory = directory;
        this.codec = codec;
    }

    Path directory() {
        return directory;
    }

    /** Every readable snapshot; a file that cannot be read, or holds another certificate than its name says, is skipped. */
    List<CertificateSnapshot> loadAll() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<CertificateSnapshot> snapshots = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    CertificateSnapshot snapshot = codec.decodeCertificate(Files.readAllBytes(file));
                    if (!file.getFileName().toString().equals(fileName(snapshot.id()))) {
                        throw new IllegalArgumentException("it holds certificate " + snapshot.id());
                    }
                    snapshots.add(snapshot);
                    storedRevisions.put(snapshot.id(), snapshot.revision());
                } catch (IOException | RuntimeException e) {
                    log.warn("Skipping stored certificate {}: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("Cannot read stored certificates in {}: {}", directory, e.toString());
        }
        return snapshots;
    }

    /** Writes the snapshot unless this revision is the one stored already. */
    void save(CertificateSnapshot snapshot) {
        Long stored = storedRevisions.get(snapshot.id());
        if (stored != null && stored == snapshot.revision()) {
            return;
        }
        try {
            AtomicFile.write(directory.resolve(fileName(snapshot.id())), codec.encode(snapshot));
            storedRevisions.put(snapshot.id(), snapshot.revision());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store certificate " + snapshot.id(), e);
        }
    }

    void delete(UUID certificateId) {
        try {
            Files.deleteIfExists(directory.resolve(fileName(certificateId)));
            storedRevisions.remove(certificateId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete stored certificate " + certificateId, e);
        }
    }

    private static String fileName(UUID certificateId) {
        return certificateId + SUFFIX;
    }
}
