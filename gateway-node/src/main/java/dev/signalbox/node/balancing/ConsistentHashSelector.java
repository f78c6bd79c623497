package dev.signalbox.node.balancing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.TargetSnapshot;

/**
 * Consistent hashing on a ring with virtual nodes: each target owns {@link #POINTS_PER_TARGET}
 * points placed by a hash of its id, and a key goes to the owner of the first point at or after the
 * key's hash. A target's points depend only on its own id, so removing one of N targets moves only
 * the keys it owned — about 1/N — and adding one takes only the keys it now owns. Requests without
 * a key are served round robin.
 */
public final class ConsistentHashSelector implements TargetSelector {

    /** Enough points that each target's share of the ring stays within a few percent of 1/N. */
    static final int POINTS_PER_TARGET = 160;

    private final long[] points;
    private final TargetSnapshot[] owners;
    private final RoundRobinSelector withoutKey;

    public ConsistentHashSelector(List<TargetSnapshot> targets) {
        TargetSnapshot[] taking = TakingTraffic.of(targets);
        int count = taking.length * POINTS_PER_TARGET;
        long[] hashes = new long[count];
        int[] ownerIndex = new int[count];
        for (int t = 0; t < taking.length; t++) {
            String id = taking[t].id().toString();
            for (int p = 0; p < POINTS_PER_TARGET; p++) {
                hashes[t * POINTS_PER_TARGET + p] = hash(id + '#' + p);
                ownerIndex[t * POINTS_PER_TARGET + p] = t;
            }
        }
        // sort the points, carrying their owners along; ties (practically never) break by target order
        Integer[] order = new Integer[count];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> hashes[a] != hashes[b] ? Long.compareUnsigned(hashes[a], hashes[b])
                : Integer.compare(ownerIndex[a], ownerIndex[b]));
        this.points = new long[count];
        this.owners = new TargetSnapshot[count];
        for (int i = 0; i < count; i++) {
            points[i] = hashes[order[i]];
            owners[i] = taking[ownerIndex[order[i]]];
        }
        this.withoutKey = new RoundRobinSelector(targets);
    }

    @Override
    public @Nullable TargetSnapshot pick(@Nullable String key) {
        if (points.length == 0) {
            return null;
        }
        if (key == null) {
            return withoutKey.pick(null);
        }
        return owners[firstPointAtOrAfter(hash(key))];
    }

    @Override
    public @Nullable TargetSnapshot pickTarget(UUID targetId) {
        return withoutKey.pickTarget(targetId);
    }

    /** The index of the first point whose hash is at least {@code hash}, wrapping past the end to 0. */
    private int firstPointAtOrAfter(long hash) {
        int low = 0;
        int high = points.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (Long.compareUnsigned(points[middle], hash) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low == points.length ? 0 : low;
    }

    /**
     * A stable 64-bit hash: FNV-1a over the UTF-8 bytes, then a 64-bit avalanche finalizer so that
     * similar keys ("user-1", "user-2") land far apart. Stable across JVMs and nodes, unlike
     * {@link String#hashCode()} mixing, so every node sends a key to the same target.
     */
    static long hash(String value) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }
}
