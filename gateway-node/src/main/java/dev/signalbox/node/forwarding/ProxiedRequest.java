package dev.signalbox.node.forwarding;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.node.metrics.RequestObservation;
import dev.signalbox.node.retry.AttemptFailure;
import dev.signalbox.node.retry.RetryRule;
import dev.signalbox.node.routing.AttemptObserver;
import dev.signalbox.node.routing.InFlightRequest;
import dev.signalbox.node.routing.ListenerRequest;
import dev.signalbox.node.routing.RoutingDecision;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * One request on an HTTP listener, from its head to the end of its response: routed by the load
 * balancer answering for its host, then answered by the node (redirect, fixed response, 404, 503)
 * or carried to a target, attempt after attempt. The request body streams to the target as it
 * arrives and the response streams back, each side reading only while the other keeps up.
 *
 * <p>An attempt ends when the target's response head arrives or when it fails. A failed attempt is
 * reported to the observers (outlier detection), then retried on another target when
 * {@link AttemptRetries} allows it, else answered with the failure's 502 or 504. Everything runs on
 * the client connection's event loop.
 */
final class ProxiedRequest {

    private final ClientConnection client;
    private final ForwardingContext context;
    private final HttpRequest head;
    private final CharSequence requestId;
    private final boolean upgrade;
    private boolean keepAlive;
    private @Nullable RequestObservation observation;
    private List<String> setCookies = List.of();

    private RoutingDecision.@Nullable Forward forward;
    private @Nullable TargetGroupSnapshot group;
    private GroupPolicies.@Nullable GroupPolicy policy;
    private @Nullable TargetSnapshot target;
    private int retriesDone;
    private @Nullable InFlightRequest inFlight;
    private @Nullable TargetConnection connection;
    /** Counts attempts, so that a connect finishing after its attempt was given up is recognized. */
    private int attempt;
    private boolean connecting;
    private @Nullable ArrayDeque<HttpContent> unsent;

    private boolean requestReceived;
    private boolean responseStarted;
    private boolean informational;
    private boolean responseDone;
    private boolean finished;

    ProxiedRequest(ClientConnection client, ForwardingContext context, HttpRequest head) {
        this.client = client;
        this.context = context;
        this.head = head;
        String sent = head.headers().get(ProxyHeaders.REQUEST_ID);
        this.requestId = RequestIds.isSane(sent) ? sent : RequestIds.random();
        this.keepAlive = HttpUtil.isKeepAlive(head);
        this.upgrade = head.headers().contains(HttpHeaderNames.UPGRADE)
                && head.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    }

    /** Routes the request and answers it or starts its first attempt. */
    void start() {
        ListenerRequest request = new ListenerRequest(head, client.remoteAddress(), client.listenerPort,
                client.secure);
        RoutingDecision decision = context.activeConfig.routingIndex()
                .resolve(client.listenerPort, request.host(), request);
        UUID loadBalancerId = loadBalancerOf(decision);
        if (loadBalancerId == null) {
            answer(NodeAnswers.noLoadBalancer());
            return;
        }
        observation = context.metrics.requestStarted(loadBalancerId);
        if (decision instanceof RoutingDecision.StickyGroups groups) {
            decision = context.stickySessions.chooseGroup(request, groups, cookies());
        }
        if (decision instanceof RoutingDecision.Redirect redirect) {
            answer(NodeAnswers.redirect(redirect, request.redirectParts()));
        } else if (decision instanceof RoutingDecision.FixedResponse fixed) {
            answer(NodeAnswers.fixed(fixed));
        } else if (decision instanceof RoutingDecision.Forward chosen) {
            forward(chosen, request);
        }
    }

    private void forward(RoutingDecision.Forward chosen, ListenerRequest request) {
        TargetSnapshot first = context.stickySessions.pickTarget(request, chosen, cookies());
        if (first == null) {
            answer(NodeAnswers.noTarget());
            return;
        }
        forward = chosen;
        // a forward with a target always has its group
        group = Objects.requireNonNull(chosen.group(), "group of a forward with a target");
        policy = context.policies.of(group);
        policy.retryBudget().deposit();
        ProxyHeaders.toTarget(head, requestId, client.clientAddress(), client.listenerPort, client.secure, upgrade);
        attempt(first);
    }

    private void attempt(TargetSnapshot next) {
        target = next;
        int thisAttempt = ++attempt;
        if (observation != null) {
            observation.picked(Objects.requireNonNull(group).id(), next.id());
        }
        inFlight = context.inFlight.start(client.cut, Objects.requireNonNull(forward).targets(), next,
                context.nanoClock);
        TargetConnection idle = context.connections.take(next);
        if (idle != null) {
            send(idle);
            return;
        }
        connecting = true;
        client.pauseReading(ClientConnection.CONNECTING);
        ChannelFuture opening = context.connections.open(client.eventLoop(), next,
                Objects.requireNonNull(policy).connectTimeoutMillis());
        opening.addListener((ChannelFutureListener) opened -> connected(opened, thisAttempt));
    }

    private void connected(ChannelFuture opened, int forAttempt) {
        if (forAttempt != attempt || finished) {
            opened.channel().close();
            return;
        }
        connecting = false;
        client.resumeReading(ClientConnection.CONNECTING);
        if (opened.isSuccess()) {
            send(TargetConnections.of(opened.channel()));
        } else {
            attemptFailed(AttemptFailure.of(opened.cause()));
        }
    }

    private void send(TargetConnection target) {
        connection = target;
        target.bind(this);
        Channel channel = target.channel;
        channel.write(head, channel.voidPromise());
        if (unsent != null) {
            HttpContent part;
            while ((part = unsent.poll()) != null) {
                channel.write(part, channel.voidPromise());
            }
        }
        channel.flush();
        target.awaitResponse(Objects.requireNonNull(policy).responseTimeoutMillis());
        if (!channel.isWritable()) {
            client.pauseReading(ClientConnection.TARGET_BUSY);
        }
    }

    /** A part of the request body arrived from the client. */
    void requestContent(HttpContent part) {
        if (part instanceof LastHttpContent) {
            requestReceived = true;
        }
        TargetConnection target = connection;
        if (responseDone || forward == null) {
            // answered already, or answered by the node: the rest of the body is read and dropped
            part.release();
        } else if (target != null) {
            target.channel.write(part, target.channel.voidPromise());
            if (!target.channel.isWritable()) {
                client.pauseReading(ClientConnection.TARGET_BUSY);
            }
        } else {
            if (unsent == null) {
                unsent = new ArrayDeque<>(4);
            }
            unsent.add(part);
        }
        finishIfDone();
    }

    void flushToTarget() {
        TargetConnection target = connection;
        if (target != null) {
            target.channel.flush();
        }
    }

    boolean isRequestReceived() {
        return requestReceived;
    }

    /** The target answered with {@code response}'s head. */
    void responseHead(HttpResponse response) {
        int status = response.status().code();
        if (status < 200 && status != 101) {
            // 100 Continue and other interim answers go through; the final answer follows
            informational = true;
            ProxyHeaders.toClient(response, requestId, true, List.of(), head.protocolVersion());
            client.write(response);
            return;
        }
        TargetConnection answeringConnection = connection;
        if (answeringConnection != null) {
            answeringConnection.responseArrived();
        }
        responseStarted = true;
        TargetSnapshot answering = Objects.requireNonNull(target);
        endInFlight();
        for (AttemptObserver observer : context.observers) {
            observer.answered(Objects.requireNonNull(group), answering, status);
        }
        if (status == 101 && upgrade) {
            upgraded(response);
            return;
        }
        keepAlive = keepAlive && !client.isClosing();
        ProxyHeaders.toClient(response, requestId, keepAlive, setCookies, head.protocolVersion());
        if (observation != null) {
            observation.responded(status, bodyLength(response));
        }
        client.write(response);
    }

    /** A part of the target's response body arrived. */
    void responseContent(HttpContent part) {
        if (informational) {
            informational = !(part instanceof LastHttpContent);
            client.write(part);
            return;
        }
        client.write(part);
        TargetConnection target = connection;
        if (target != null && !client.isWritable()) {
            target.channel.config().setAutoRead(false);
        }
        if (part instanceof LastHttpContent) {
            responseDone = true;
            connection = null;
            if (target != null) {
                // a target that answered before the whole body reached it may still be reading it
                target.release(requestReceived && (unsent == null || unsent.isEmpty()));
            }
            client.flush();
            finishIfDone();
        }
    }

    void flushToClient() {
        client.flush();
    }

    void targetWritabilityChanged(boolean writable) {
        if (writable) {
            client.resumeReading(ClientConnection.TARGET_BUSY);
        }
    }

    void clientWritabilityChanged(boolean writable) {
        TargetConnection target = connection;
        if (writable && target != null) {
            target.channel.config().setAutoRead(true);
        }
    }

    /** The target connection closed while this request was on it. */
    void targetClosed(@Nullable Throwable cause) {
        connection = null;
        if (finished) {
            return;
        }
        if (!responseStarted) {
            attemptFailed(cause == null ? AttemptFailure.CONNECTION_BROKEN : AttemptFailure.of(cause));
        } else if (!responseDone) {
            // the response cannot be completed: the client must not take half of it for all of it
            client.cut();
        }
    }

    /** The client connection closed; whatever is under way is dropped. */
    void clientClosed() {
        if (finished) {
            return;
        }
        finished = true;
        attempt++;
        TargetConnection target = connection;
        connection = null;
        if (target != null) {
            target.abandon();
        }
        releaseUnsent();
        endInFlight();
        if (observation != null) {
            observation.ended(HttpUtil.getContentLength(head, -1L));
        }
    }

    /** The target connection's response deadline passed. */
    void responseTimedOut() {
        if (!responseStarted && !finished) {
            attemptFailed(AttemptFailure.RESPONSE_TIMEOUT);
        }
    }

    private void attemptFailed(AttemptFailure failure) {
        TargetConnection failedConnection = connection;
        connection = null;
        if (failedConnection != null) {
            failedConnection.abandon();
        }
        TargetSnapshot failed = Objects.requireNonNull(target);
        TargetGroupSnapshot failedGroup = Objects.requireNonNull(group);
        // observed first, so that an ejection this failure causes already steers the retry
        for (AttemptObserver observer : context.observers) {
            observer.failed(failedGroup, failed, failure);
        }
        AttemptRetries retries = new AttemptRetries(Objects.requireNonNull(forward).targets(),
                Objects.requireNonNull(policy).retryBudget(), failedGroup.attributes().retries());
        TargetSnapshot next = retries.allows(failure, head.method(), RetryRule.hasBody(head.headers()), retriesDone)
                ? retries.pickAnother(failed)
                : null;
        // released after the pick, so that the failed target still counts as busy while it is made
        endInFlight();
        if (next == null) {
            answer(NodeAnswers.failed(failure));
            return;
        }
        retriesDone++;
        attempt(next);
    }

    private void upgraded(HttpResponse response) {
        TargetConnection target = Objects.requireNonNull(connection);
        connection = null;
        responseDone = true;
        finished = true;
        ProxyHeaders.toClient(response, requestId, true, setCookies, head.protocolVersion());
        if (observation != null) {
            observation.responded(101, 0);
            observation.ended(0);
        }
        client.upgrade(response, target);
    }

    /** Answers from the node itself; the request body, if any, is read and dropped. */
    private void answer(HttpResponse answer) {
        responseStarted = true;
        responseDone = true;
        releaseUnsent();
        if (head.headers().containsValue(HttpHeaderNames.EXPECT, HttpHeaderValues.CONTINUE, true)
                && !requestReceived) {
            // the client waits for a 100 Continue that will not come, rather than send its body
            keepAlive = false;
        }
        keepAlive = keepAlive && !client.isClosing();
        ProxyHeaders.connection(answer, keepAlive, head.protocolVersion());
        answer.headers().set(ProxyHeaders.REQUEST_ID, requestId);
        for (String cookie : setCookies) {
            answer.headers().add(HttpHeaderNames.SET_COOKIE, cookie);
        }
        if (observation != null) {
            observation.responded(answer.status().code(), HttpUtil.getContentLength(answer, 0L));
        }
        client.write(answer);
        client.flush();
        if (!keepAlive) {
            // nothing more is read from a connection that closes after this answer
            requestReceived = true;
        }
        finishIfDone();
    }

    private void finishIfDone() {
        if (finished || !requestReceived || !responseDone) {
            return;
        }
        finished = true;
        if (observation != null) {
            observation.ended(HttpUtil.getContentLength(head, -1L));
        }
        client.finished(this, keepAlive);
    }

    private long bodyLength(HttpResponse response) {
        if (HttpMethod.HEAD.equals(head.method())) {
            return 0;
        }
        return HttpUtil.getContentLength(response, -1L);
    }

    private List<String> cookies() {
        if (setCookies.isEmpty()) {
            setCookies = new ArrayList<>(1);
        }
        return setCookies;
    }

    private void endInFlight() {
        InFlightRequest request = inFlight;
        if (request != null) {
            inFlight = null;
            request.end();
        }
    }

    private void releaseUnsent() {
        if (unsent != null) {
            HttpContent part;
            while ((part = unsent.poll()) != null) {
                part.release();
            }
        }
    }

    private static @Nullable UUID loadBalancerOf(@Nullable RoutingDecision decision) {
        if (decision instanceof RoutingDecision.Forward forward) {
            return forward.loadBalancerId();
        }
        if (decision instanceof RoutingDecision.StickyGroups groups) {
            return groups.loadBalancerId();
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
