package dev.signalbox.protocol;

import java.util.List;
import java.util.UUID;

/**
 * A port a load balancer listens on.
 *
 * @param id            listener id
 * @param protocol      HTTP, HTTPS or TCP
 * @param port          port bound on every node
 * @param defaultAction what to do with a request that matches no rule
 * @param rules         rules, evaluated by ascending priority before the default action
 */
public record ListenerSnapshot(
        UUID id, ListenerProtocol protocol, int port, ActionSnapshot defaultAction, List<RuleSnapshot> rules) {

    public ListenerSnapshot {
        rules = List.copyOf(rules);
    }
}
