package dev.signalbox.node.routing;

/**
 * One entry of the routing index: requests on {@code port} for {@code host} take {@code forward}.
 *
 * @param port    listener port
 * @param host    normalized host name, see {@link RoutingIndex#normalizeHost(String)}
 * @param forward where they go
 */
public record HostRoute(int port, String host, RoutingDecision.Forward forward) {
}
