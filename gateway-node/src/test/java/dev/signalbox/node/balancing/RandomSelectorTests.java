package dev.signalbox.node.balancing;

import static dev.signalbox.node.TestSnapshots.target;
import static dev.signalbox.node.balancing.RoundRobinSelectorTests.picks;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RandomSelectorTests {

    @Test
    void picksTheTargetTheSeededRandomDraws() {
        var targets = List.of(target("a", 1), target("b", 2), target("c", 3));
        var draws = new SplittableRandom(42);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            expected.append("abc".charAt(draws.nextInt(3)));
        }

        assertThat(picks(new RandomSelector(targets, new SplittableRandom(42)), 12)).isEqualTo(expected.toString());
    }

    @Test
    void reachesEveryTargetTakingTrafficAndNeverADrainedOne() {
        var selector = new RandomSelector(List.of(target("a", 1), target("x", 2, 0), target("c", 3)),
                new SplittableRandom(7));

        String picked = picks(selector, 200);

        assertThat(picked).contains("a", "c").doesNotContain("x");
        assertThat(new RandomSelector(List.of(), new SplittableRandom(7)).pick()).isNull();
    }
}
