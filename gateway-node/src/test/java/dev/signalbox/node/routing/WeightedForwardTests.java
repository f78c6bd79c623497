package dev.signalbox.node.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;


class WeightedForwardTests {

    private static final UUID LB = UUID.randomUUID();
    private final RoutingDecision.Forward a = RoutingDecision.Forward.nowhere(LB);
    private final RoutingDecision.Forward b = RoutingDecision.Forward.nowhere(LB);

    @Test
    void drawsEachGroupForItsShareOfTheTotalWeight() {
        // weights 3 and 1: draws 0..2 fall to a, draw 3 to b
        var draws = new Draws(0, 2, 3, 1);
        var forward = new WeightedForward(List.of(a, b), List.of(3, 1), null, draws);

        List<RoutingDecision> decided = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            decided.add(forward.decide());
        }

        assertThat(decided).containsExactly(a, a, b, a);
        assertThat(draws.bounds).containsOnly(4);
    }

    /** Bounded draws given in advance; records the bounds asked for. */
    private static final class Draws implements RandomGenerator {
        private final Deque<Integer> values = new ArrayDeque<>();
        private final List<Integer> bounds = new ArrayList<>();

        Draws(int... values) {
            for (int value : values) {
                this.values.add(value);
            }
        }

        @Override
        public int nextInt(int bound) {
            bounds.add(bound);
            return values.remove();
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }
    }
}
