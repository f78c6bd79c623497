package dev.signalbox.node.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.PRESERVE_HOST_HEADER_ATTRIBUTE;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import dev.signalbox.protocol.TargetSnapshot;
import reactor.core.publisher.Mono;

/**
 * Turns the {@link RoutingDecision} of a request into the URL the gateway proxies to: it picks a
 * target, honouring {@link StickySessions}, and hands the request to {@link ForwardAttempts}, which
 * points {@code GATEWAY_REQUEST_URL_ATTR} at it, keeping path and query, counts it in flight and
 * retries elsewhere when the target fails. It runs right after {@link RouteToRequestUrlFilter},
 * which filled in the route's placeholder URI.
 */
class TargetRequestUrlFilter implements GlobalFilter, Ordered {

    private static final byte[] NO_LOAD_BALANCER =
            "No load balancer answers on this host and port.\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO_TARGET =
            "No target is available for this load balancer.\n".getBytes(StandardCharsets.UTF_8);

    static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;

    private final StickySessions stickySessions;
    private final ForwardAttempts attempts;

    TargetRequestUrlFilter(StickySessions stickySessions, ForwardAttempts attempts) {
        this.stickySessions = stickySessions;
        this.attempts = attempts;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RoutingDecision decision = exchange.getAttribute(RoutingDecision.ATTRIBUTE);
        if (decision == null) {
            return chain.filter(exchange);
        }
        if (decision instanceof RoutingDecision.StickyGroups groups) {
            decision = stickySessions.chooseGroup(exchange, groups);
        }
        if (decision instanceof RoutingDecision.Redirect redirect) {
            return ActionResponses.redirect(exchange, redirect);
        }
        if (decision instanceof RoutingDecision.FixedResponse fixed) {
            return ActionResponses.fixed(exchange, fixed);
        }
        if (!(decision instanceof RoutingDecision.Forward forward)) {
            return ActionResponses.write(exchange, HttpStatus.NOT_FOUND, MediaType.TEXT_PLAIN, NO_LOAD_BALANCER);
        }
        TargetSnapshot target = stickySessions.pickTarget(exchange, forward);
        if (target == null) {
            return ActionResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, MediaType.TEXT_PLAIN, NO_TARGET);
        }
        // targets see the host the client asked for, as behind any load balancer
        exchange.getAttributes().put(PRESERVE_HOST_HEADER_ATTRIBUTE, true);
        return attempts.forward(exchange, chain, forward, target);
    }

    static URI targetUrl(URI requested, TargetSnapshot target) {
        String host = target.host().indexOf(':') >= 0 && !target.host().startsWith("[")
                ? "[" + target.host() + "]"
                : target.host();
        return UriComponentsBuilder.fromUri(requested)
                .scheme("http")
                .host(host)
                .port(target.port())
                .build(ServerWebExchangeUtils.containsEncodedParts(requested))
                .toUri();
    }
}
