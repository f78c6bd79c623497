package dev.signalbox.panel.targetgroup;

import java.util.UUID;

/** A registered target as other features see it. */
public record TargetInfo(UUID id, UUID targetGroupId, String host, int port, int weight) {
}
