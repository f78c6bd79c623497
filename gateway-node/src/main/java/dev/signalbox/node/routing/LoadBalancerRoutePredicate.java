package dev.signalbox.node.routing;

import java.net.InetSocketAddress;
import java.util.function.Predicate;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Matches every request that arrived on a listener port and records, in
 * {@link RoutingDecision#ATTRIBUTE}, how the load balancer answering for its Host header
 * decides it (its listener's rules, then the default action). Requests on
 * other ports (the admin port) do not match and are left to the ordinary WebFlux handlers.
 */
class LoadBalancerRoutePredicate implements Predicate<ServerWebExchange> {

    private final ActiveConfig activeConfig;

    LoadBalancerRoutePredicate(ActiveConfig activeConfig) {
        this.activeConfig = activeConfig;
    }

    @Override
    public boolean test(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        InetSocketAddress local = request.getLocalAddress();
        if (local == null) {
            return false;
        }
        InetSocketAddress host = request.getHeaders().getHost();
        RoutingDecision decision = activeConfig.routingIndex()
                .resolve(local.getPort(), host == null ? null : host.getHostString(), request);
        if (decision == null) {
            return false;
        }
        exchange.getAttributes().put(RoutingDecision.ATTRIBUTE, decision);
        return true;
    }
}
