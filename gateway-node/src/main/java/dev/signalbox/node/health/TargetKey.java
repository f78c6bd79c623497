package dev.signalbox.node.health;

import java.util.UUID;

import dev.signalbox.protocol.TargetSnapshot;

/**
 * A target as health tracks it: the same registration at the same address keeps its state across
 * revisions; a weight change does not reset it, a new address does.
 */
record TargetKey(UUID groupId, UUID targetId, String host, int port) {

    static TargetKey of(UUID groupId, TargetSnapshot target) {
        return new TargetKey(groupId, target.id(), target.host(), target.port());
    }
}
