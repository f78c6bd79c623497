package dev.signalbox.panel.targetgroup;

import java.util.UUID;

import dev.signalbox.panel.conditional.EntityTag;

/** A registered target as other features see it. */
public record TargetInfo(UUID id, UUID targetGroupId, String host, int port, int weight) {

    public EntityTag entityTag() {
        return EntityTag.of(this);
    }
}
