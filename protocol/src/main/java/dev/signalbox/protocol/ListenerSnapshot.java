package dev.signalbox.protocol;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A port a load balancer listens on.
 *
 * @param id             listener id
 * @param protocol       HTTP, HTTPS or TCP
 * @param port           port bound on every node
 * @param defaultAction  what to do with a request that matches no rule
 * @param rules          rules, evaluated by ascending priority before the default action (never for TCP)
 * @param tlsPolicy      for HTTPS: the name of the TLS policy (protocol versions and ciphers)
 * @param certificateIds for HTTPS: certificates to serve, the first being the default when no SNI matches
 */
public record ListenerSnapshot(
        UUID id,
        ListenerProtocol protocol,
        int port,
        ActionSnapshot defaultAction,
        List<RuleSnapshot> rules,
        @Nullable String tlsPolicy,
        List<UUID> certificateIds) {

    public ListenerSnapshot {
        rules = rules == null ? List.of() : List.copyOf(rules);
        certificateIds = certificateIds == null ? List.of() : List.copyOf(certificateIds);
        if (protocol == null) {
            protocol = ListenerProtocol.UNKNOWN;
        }
    }

    /** A plain (not HTTPS) listener. */
    public ListenerSnapshot(UUID id, ListenerProtocol protocol, int port, ActionSnapshot defaultAction,
            List<RuleSnapshot> rules) {
        this(id, protocol, port, defaultAction, rules, null, List.of());
    }
}
