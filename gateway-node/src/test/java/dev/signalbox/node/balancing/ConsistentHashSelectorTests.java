package dev.signalbox.node.balancing;

import static dev.signalbox.node.TestSnapshots.target;
import static dev.signalbox.node.balancing.RoundRobinSelectorTests.picks;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.TargetSnapshot;

class ConsistentHashSelectorTests {

    private static final int KEYS = 10_000;

    @Test
    void sendsAKeyToTheSameTargetEveryTimeAndOnEverySelectorOfTheSameTargets() {
        List<TargetSnapshot> targets = targets(5);
        var selector = new ConsistentHashSelector(targets);
        var onAnotherNode = new ConsistentHashSelector(List.copyOf(targets));

        for (int i = 0; i < 100; i++) {
            String key = "user-" + i;
            TargetSnapshot first = selector.pick(key);
            assertThat(selector.pick(key)).isSameAs(first);
            assertThat(onAnotherNode.pick(key)).isSameAs(first);
        }
    }

    @Test
    void spreadsKeysEvenlyOverTheTargets() {
        List<TargetSnapshot> targets = targets(10);
        Map<TargetSnapshot, Integer> counts = owners(new ConsistentHashSelector(targets)).values().stream()
                .collect(HashMap::new, (map, target) -> map.merge(target, 1, Integer::sum), Map::putAll);

        assertThat(counts).hasSize(10);
        // each of 10 targets owns about 1,000 of 10,000 keys
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(700, 1_300));
    }

    @Test
    void removingOneOfTenTargetsMovesOnlyItsKeysAboutATenth() {
        List<TargetSnapshot> targets = targets(10);
        TargetSnapshot removed = targets.get(3);
        List<TargetSnapshot> remaining = new ArrayList<>(targets);
        remaining.remove(removed);

        Map<String, TargetSnapshot> before = owners(new ConsistentHashSelector(targets));
        Map<String, TargetSnapshot> after = owners(new ConsistentHashSelector(remaining));

        int moved = 0;
        for (String key : before.keySet()) {
            if (before.get(key) != after.get(key)) {
                moved++;
                assertThat(before.get(key)).as("owner before of moved key %s", key).isSameAs(removed);
            } else {
                assertThat(before.get(key)).isNotSameAs(removed);
            }
        }
        assertThat(moved / (double) KEYS).isBetween(0.07, 0.13);
    }

    @Test
    void addingTheTargetBackReturnsItsKeys() {
        List<TargetSnapshot> targets = targets(4);
        Map<String, TargetSnapshot> before = owners(new ConsistentHashSelector(targets));

        owners(new ConsistentHashSelector(targets.subList(0, 3)));
        Map<String, TargetSnapshot> again = owners(new ConsistentHashSelector(targets));

        assertThat(again).isEqualTo(before);
    }

    @Test
    void servesRequestsWithoutAKeyRoundRobin() {
        var selector = new ConsistentHashSelector(List.of(target("a", 1), target("b", 2), target("c", 3)));

        assertThat(picks(selector, 6)).isEqualTo("abcabc");
    }

    @Test
    void neverSendsAKeyToADrainedTargetAndHasNoneWhenAllAreDrained() {
        var drained = target("x", 9, 0);
        var selector = new ConsistentHashSelector(List.of(target("a", 1), drained, target("c", 3)));

        for (int i = 0; i < 1_000; i++) {
            assertThat(selector.pick("key-" + i)).isNotSameAs(drained);
        }
        assertThat(new ConsistentHashSelector(List.of(drained)).pick("key")).isNull();
    }

    @Test
    void hashesStablyAcrossRunsAndSpreadsSimilarKeys() {
        // pinned: a change of hash function would move every key on every node at upgrade
        assertThat(ConsistentHashSelector.hash("")).isEqualTo(0xefd01f60ba992926L);
        assertThat(ConsistentHashSelector.hash("user-1")).isEqualTo(0x41a2fca5c68401c5L);
        assertThat(ConsistentHashSelector.hash("user-1")).isNotEqualTo(ConsistentHashSelector.hash("user-2"));
        assertThat(Long.bitCount(ConsistentHashSelector.hash("user-1") ^ ConsistentHashSelector.hash("user-2")))
                .isBetween(16, 48);
    }

    private static Map<String, TargetSnapshot> owners(ConsistentHashSelector selector) {
        Map<String, TargetSnapshot> owners = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            String key = "client-" + i;
            owners.put(key, selector.pick(key));
        }
        return owners;
    }

    /** Targets with fixed ids, so the ring and the assertions on it are the same on every run. */
    private static List<TargetSnapshot> targets(int count) {
        List<TargetSnapshot> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.nameUUIDFromBytes(("target-" + i).getBytes(StandardCharsets.UTF_8));
            targets.add(new TargetSnapshot(id, "10.0.0." + i, 8080, 1));
        }
        return targets;
    }
}
