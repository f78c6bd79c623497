package dev.signalbox.panel.loadbalancer;

import java.util.UUID;

import dev.signalbox.panel.conditional.EntityTag;
import dev.signalbox.protocol.ListenerProtocol;

/** A listener as other features see it: a port and the target group its default action forwards to. */
public record ListenerInfo(UUID id, ListenerProtocol protocol, int port, UUID defaultTargetGroupId) {

    public EntityTag entityTag() {
        return EntityTag.of(this);
    }
}
