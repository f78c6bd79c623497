package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ListenerProtocol;

/**
 * What a listener is made of, as a create or update asks for it.
 *
 * @param tlsPolicy      HTTPS only; null takes {@link TlsPolicies#DEFAULT}
 * @param certificateIds HTTPS only: certificates of the tenant to serve, the first being the default
 */
public record ListenerSettings(ListenerProtocol protocol, int port, ActionSnapshot defaultAction,
        @Nullable String tlsPolicy, List<UUID> certificateIds) {

    public ListenerSettings {
        certificateIds = List.copyOf(certificateIds);
        if (protocol == ListenerProtocol.HTTPS && tlsPolicy == null) {
            tlsPolicy = TlsPolicies.DEFAULT;
        }
    }
}
