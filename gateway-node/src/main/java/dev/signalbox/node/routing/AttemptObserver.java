package dev.signalbox.node.routing;

import dev.signalbox.node.retry.AttemptFailure;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;

/**
 * Learns how each attempt to carry a request to a target ended: the seam for passive health
 * (outlier detection) and per-target observers. A retried request makes several attempts, each
 * reported before the next target is picked. Called on the event loop, once per attempt that ended
 * (a request the client abandoned reports nothing): implementations must be quick, must not block
 * and must not throw.
 */
public interface AttemptObserver {

    /** The target answered with {@code status}; its body may still be on its way. */
    void answered(TargetGroupSnapshot group, TargetSnapshot target, int status);

    /** The attempt failed before the target answered. */
    void failed(TargetGroupSnapshot group, TargetSnapshot target, AttemptFailure failure);
}
