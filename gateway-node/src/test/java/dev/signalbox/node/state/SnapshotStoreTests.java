package dev.signalbox.node.state;

import static dev.signalbox.node.TestSnapshots.loadBalancer;
import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.ProtocolCodec;

class SnapshotStoreTests {

    private final ProtocolCodec codec = new ProtocolCodec();

    @TempDir
    Path directory;

    @Test
    void aSavedSnapshotIsLoadedByTheNextStoreOnTheSameDirectory() {
        LoadBalancerSnapshot snapshot = snapshot(UUID.randomUUID(), 3);
        new SnapshotStore(directory.resolve("nested"), codec).save(snapshot);

        SnapshotStore next = new SnapshotStore(directory.resolve("nested"), codec);
        assertThat(next.loadAll()).containsExactly(snapshot);
        assertThat(next.storedIds()).containsExactly(snapshot.id());
    }

    @Test
    void aNewerRevisionReplacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
        UUID id = UUID.randomUUID();
        SnapshotStore store = new SnapshotStore(directory, codec);
        store.save(snapshot(id, 1));
        store.save(snapshot(id, 2));

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly(id + ".json");
        }
        assertThat(new SnapshotStore(directory, codec).loadAll())
                .singleElement().satisfies(loaded -> assertThat(loaded.revision()).isEqualTo(2));
    }

    @Test
    void aLeftoverTemporaryFileFromACrashedWriteIsNotLoadedAndTheOldSnapshotStays() throws IOException {
        LoadBalancerSnapshot snapshot = snapshot(UUID.randomUUID(), 1);
        new SnapshotStore(directory, codec).save(snapshot);
        Files.writeString(directory.resolve(snapshot.id() + ".json.tmp"), "{\"half\":");

        assertThat(new SnapshotStore(directory, codec).loadAll()).containsExactly(snapshot);
    }

    @Test
    void corruptOrMisnamedFilesAreSkippedAndTheOthersLoaded() throws IOException {
        LoadBalancerSnapshot good = snapshot(UUID.randomUUID(), 1);
        SnapshotStore store = new SnapshotStore(directory, codec);
        store.save(good);
        Files.writeString(directory.resolve(UUID.randomUUID() + ".json"), "not json", StandardCharsets.UTF_8);
        // a valid snapshot under another load balancer's name could never be deleted by its tombstone
        Files.write(directory.resolve(UUID.randomUUID() + ".json"), codec.encode(snapshot(UUID.randomUUID(), 1)));

        SnapshotStore next = new SnapshotStore(directory, codec);
        assertThat(next.loadAll()).containsExactly(good);
        assertThat(next.storedIds()).containsExactly(good.id());
    }

    @Test
    void deletingRemovesTheFile() {
        LoadBalancerSnapshot kept = snapshot(UUID.randomUUID(), 1);
        LoadBalancerSnapshot deleted = snapshot(UUID.randomUUID(), 1);
        SnapshotStore store = new SnapshotStore(directory, codec);
        store.save(kept);
        store.save(deleted);

        store.delete(deleted.id());

        assertThat(Files.exists(directory.resolve(deleted.id() + ".json"))).isFalse();
        assertThat(store.storedIds()).containsExactly(kept.id());
        assertThat(new SnapshotStore(directory, codec).loadAll()).containsExactly(kept);
    }

    @Test
    void aMissingDirectoryHoldsNothing() {
        assertThat(new SnapshotStore(directory.resolve("absent"), codec).loadAll()).isEmpty();
    }

    private static LoadBalancerSnapshot snapshot(UUID id, long revision) {
        return loadBalancer(id, revision, List.of("shop.acme.test"), 8080, List.of(target("127.0.0.1", 9090)));
    }
}
