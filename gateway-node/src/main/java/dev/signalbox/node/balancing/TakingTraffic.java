package dev.signalbox.node.balancing;

import java.util.List;
import java.util.UUID;

import dev.signalbox.protocol.TargetSnapshot;

/** The targets of a group that take new requests: weight 0 means drained. */
final class TakingTraffic {

    private TakingTraffic() {
    }

    static TargetSnapshot[] of(List<TargetSnapshot> targets) {
        return targets.stream().filter(target -> target.weight() > 0).toArray(TargetSnapshot[]::new);
    }

    /** The position of {@code target} in {@code targets} by identity, or -1; groups are small, so a scan is cheapest. */
    static int indexOf(TargetSnapshot[] targets, TargetSnapshot target) {
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] == target) {
                return i;
            }
        }
        return -1;
    }

    /** The position of the target with id {@code targetId} in {@code targets}, or -1. */
    static int indexOfId(TargetSnapshot[] targets, UUID targetId) {
        for (int i = 0; i < targets.length; i++) {
            if (targets[i].id().equals(targetId)) {
                return i;
            }
        }
        return -1;
    }
}
