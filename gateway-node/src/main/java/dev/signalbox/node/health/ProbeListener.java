package dev.signalbox.node.health;

import java.util.UUID;

import dev.signalbox.protocol.TargetSnapshot;

/** Hears every probe result the health checks record, e.g. to count probes on the admin port. */
@FunctionalInterface
public interface ProbeListener {

    /** Called on the probing thread: must be quick and must not block. */
    void probed(UUID groupId, TargetSnapshot target, ProbeResult result);
}
