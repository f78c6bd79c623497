package dev.signalbox.node.routing;

/**
 * One entry of the routing index: requests on {@code port} for {@code host} are decided by a listener's
 * {@code rules}.
 *
 * @param port    listener port
 * @param host    normalized host name, see {@link RoutingIndex#normalizeHost(String)}
 * @param rules   the listener's compiled rules and default action
 */
public record HostRoute(int port, String host, ListenerRules rules) {
}
