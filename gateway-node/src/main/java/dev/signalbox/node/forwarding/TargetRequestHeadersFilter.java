package dev.signalbox.node.forwarding;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sets the headers Spring Cloud Gateway cannot set right on the request to the target: the request
 * id, and {@code X-Forwarded-Port} as the listener port the client connected to (the gateway's own
 * filter takes it from the Host header, or 80 when that has none).
 *
 * <p>It runs last, after the hop-by-hop filter, which hands it a fresh, writable copy of the
 * headers; writing into that copy avoids a request decorator per request.
 */
@Component
class TargetRequestHeadersFilter implements HttpHeadersFilter, Ordered {

    static final String FORWARDED_PORT = "X-Forwarded-Port";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        String id = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (id != null) {
            input.set(RequestIdFilter.HEADER, id);
        }
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        if (local != null) {
            input.set(FORWARDED_PORT, Integer.toString(local.getPort()));
        }
        return input;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }
}
