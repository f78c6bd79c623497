package dev.signalbox.node.routing;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Answers the requests whose decision is a redirect or a fixed response, without a target. */
final class ActionResponses {

    private ActionResponses() {
    }

    static Mono<Void> redirect(ServerWebExchange exchange, RoutingDecision.Redirect redirect) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(redirect.statusCode()));
        response.getHeaders().set(HttpHeaders.LOCATION, redirect.location().location(partsOf(exchange.getRequest())));
        return response.setComplete();
    }

    static Mono<Void> fixed(ServerWebExchange exchange, RoutingDecision.FixedResponse fixed) {
        return write(exchange, HttpStatusCode.valueOf(fixed.statusCode()), fixed.contentType(), fixed.body());
    }

    /** Answers with a body encoded ahead of time, so a request costs no encoding. */
    static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, MediaType contentType, byte[] body) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(contentType);
        if (body.length == 0) {
            return response.setComplete();
        }
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /** The request's protocol, host and port as the client addressed the listener. */
    static RedirectTemplate.RequestParts partsOf(ServerHttpRequest request) {
        URI uri = request.getURI();
        InetSocketAddress local = request.getLocalAddress();
        InetSocketAddress host = request.getHeaders().getHost();
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        return new RedirectTemplate.RequestParts(
                scheme.toUpperCase(Locale.ROOT),
                host != null ? host.getHostString() : (uri.getHost() == null ? "" : uri.getHost()),
                local != null ? local.getPort() : uri.getPort(),
                uri.getRawPath() == null ? "" : uri.getRawPath(),
                uri.getRawQuery() == null ? "" : uri.getRawQuery());
    }
}
