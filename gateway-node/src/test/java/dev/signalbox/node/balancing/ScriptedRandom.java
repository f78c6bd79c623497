package dev.signalbox.node.balancing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/** A random generator whose bounded draws are given in advance, so a test states every choice. */
final class ScriptedRandom implements RandomGenerator {

    private final Deque<Integer> draws = new ArrayDeque<>();

    ScriptedRandom(int... draws) {
        for (int draw : draws) {
            this.draws.add(draw);
        }
    }

    @Override
    public int nextInt(int bound) {
        Integer draw = draws.poll();
        if (draw == null) {
            throw new IllegalStateException("the script has no draw left");
        }
        if (draw < 0 || draw >= bound) {
            throw new IllegalStateException("scripted draw " + draw + " is outside [0, " + bound + ")");
        }
        return draw;
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("selectors draw bounded ints only");
    }

    boolean exhausted() {
        return draws.isEmpty();
    }
}
