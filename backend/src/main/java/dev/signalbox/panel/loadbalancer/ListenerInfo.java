package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.conditional.EntityTag;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ActionType;
import dev.signalbox.protocol.ListenerProtocol;

/** A listener as other features see it. */
public record ListenerInfo(UUID id, ListenerProtocol protocol, int port, ActionSnapshot defaultAction,
        @Nullable String tlsPolicy, List<UUID> certificateIds) {

    public ListenerInfo {
        certificateIds = List.copyOf(certificateIds);
    }

    /** An HTTP or TCP listener whose default action forwards to one target group. */
    public ListenerInfo(UUID id, ListenerProtocol protocol, int port, UUID defaultTargetGroupId) {
        this(id, protocol, port, ActionSnapshot.forward(defaultTargetGroupId), null, List.of());
    }

    /** The first target group the default action forwards to, or null when it does not forward. */
    public @Nullable UUID defaultTargetGroupId() {
        return defaultAction.type() == ActionType.FORWARD && !defaultAction.targetGroups().isEmpty()
                ? defaultAction.targetGroups().get(0).targetGroupId() : null;
    }

    public EntityTag entityTag() {
        return EntityTag.of(this);
    }
}
