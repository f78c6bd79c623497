package dev.signalbox.node.metrics;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.signalbox.node.routing.PickedTarget;
import reactor.core.publisher.Mono;

/**
 * Tells a request's {@link RequestObservation} which target was picked, so the target and its group
 * count the request as in flight while it is proxied. It runs right after the routing filter that
 * picks (at {@code ROUTE_TO_URL_FILTER_ORDER + 1}), and again for every pick of a retry that runs
 * the chain from there once more.
 */
@Component
class PickObservingFilter implements GlobalFilter, Ordered {

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        PickedTarget picked = exchange.getAttribute(PickedTarget.ATTRIBUTE);
        RequestObservation observation = exchange.getAttribute(TrafficObservingFilter.ATTRIBUTE);
        if (picked != null && observation != null) {
            observation.picked(picked);
        }
        return chain.filter(exchange);
    }
}
