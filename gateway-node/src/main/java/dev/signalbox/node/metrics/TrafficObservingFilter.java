package dev.signalbox.node.metrics;

import java.util.UUID;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.signalbox.node.routing.RoutingDecision;
import reactor.core.publisher.Mono;

/**
 * Observes every request a load balancer answers, from the moment its routing decision is known to
 * the end of its response, with a {@link RequestObservation}. It runs around the gateway's response
 * writer and every filter after it (picking, retrying, proxying, the node's own answers), so whatever
 * they do it sees the request's final outcome and none of them needs to know about metrics. Requests
 * no load balancer answers (404 on an unknown host) are not counted.
 */
@Component
class TrafficObservingFilter implements GlobalFilter, Ordered {

    /** The exchange attribute holding the request's {@link RequestObservation}. */
    static final String ATTRIBUTE = RequestObservation.class.getName();

    private final TrafficRegistry traffic;
    private final LongSupplier nanoClock = System::nanoTime;

    TrafficObservingFilter(TrafficRegistry traffic) {
        this.traffic = traffic;
    }

    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        UUID loadBalancerId = loadBalancerOf(exchange.getAttribute(RoutingDecision.ATTRIBUTE));
        LoadBalancerTraffic loadBalancer = loadBalancerId == null ? null : traffic.loadBalancer(loadBalancerId);
        if (loadBalancer == null) {
            return chain.filter(exchange);
        }
        var observation = new RequestObservation(exchange, loadBalancer, nanoClock);
        exchange.getAttributes().put(ATTRIBUTE, observation);
        exchange.getResponse().beforeCommit(observation);
        return chain.filter(exchange).doFinally(observation);
    }

    private static @Nullable UUID loadBalancerOf(@Nullable RoutingDecision decision) {
        if (decision instanceof RoutingDecision.Forward forward) {
            return forward.loadBalancerId();
        }
        if (decision instanceof RoutingDecision.Redirect redirect) {
            return redirect.loadBalancerId();
        }
        if (decision instanceof RoutingDecision.FixedResponse fixed) {
            return fixed.loadBalancerId();
        }
        return null;
    }
}
