package dev.signalbox.node.forwarding;

import java.nio.charset.StandardCharsets;

import dev.signalbox.node.retry.AttemptFailure;
import dev.signalbox.node.routing.RedirectTemplate;
import dev.signalbox.node.routing.RoutingDecision;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The answers the node gives itself, without a target: a load balancer's redirects and fixed
 * responses, and short plain-text errors. Bodies are encoded once and shared; an answer wraps them.
 */
final class NodeAnswers {

    private static final byte[] NO_LOAD_BALANCER =
            "No load balancer answers on this host and port.\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO_TARGET =
            "No target is available for this load balancer.\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BAD_REQUEST =
            "The request could not be read as HTTP/1.1.\n".getBytes(StandardCharsets.UTF_8);

    private NodeAnswers() {
    }

    static FullHttpResponse noLoadBalancer() {
        return text(HttpResponseStatus.NOT_FOUND, NO_LOAD_BALANCER);
    }

    static FullHttpResponse noTarget() {
        return text(HttpResponseStatus.SERVICE_UNAVAILABLE, NO_TARGET);
    }

    static FullHttpResponse badRequest() {
        return text(HttpResponseStatus.BAD_REQUEST, BAD_REQUEST);
    }

    static FullHttpResponse failed(AttemptFailure failure) {
        return text(HttpResponseStatus.valueOf(failure.status().value()), failure.body());
    }

    static FullHttpResponse redirect(RoutingDecision.Redirect redirect, RedirectTemplate.RequestParts request) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(redirect.statusCode()), Unpooled.EMPTY_BUFFER);
        response.headers()
                .set(HttpHeaderNames.LOCATION, redirect.location().location(request))
                .set(HttpHeaderNames.CONTENT_LENGTH, 0);
        return response;
    }

    static FullHttpResponse fixed(RoutingDecision.FixedResponse fixed) {
        return body(HttpResponseStatus.valueOf(fixed.statusCode()), fixed.contentType().toString(), fixed.body());
    }

    private static FullHttpResponse text(HttpResponseStatus status, byte[] body) {
        return body(status, HttpHeaderValues.TEXT_PLAIN.toString(), body);
    }

    private static FullHttpResponse body(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (body.length > 0) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        return response;
    }
}
