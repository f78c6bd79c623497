package dev.signalbox.node.health;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A target's health at one moment.
 *
 * @param state        its state
 * @param reason       why it is not healthy, or null when healthy
 * @param since        when it entered the state
 * @param recentProbes the last probes, oldest first
 */
public record TargetHealth(HealthState state, @Nullable HealthReason reason, Instant since,
        List<ProbeResult> recentProbes) {

    public TargetHealth {
        recentProbes = List.copyOf(recentProbes);
    }

    /** A target no probe has reached yet. */
    static TargetHealth initial(Instant since) {
        return new TargetHealth(HealthState.INITIAL, HealthReason.INITIAL_HEALTH_CHECKING, since, List.of());
    }
}
