package dev.signalbox.node.forwarding;

import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.signalbox.protocol.TargetSnapshot;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * One keep-alive connection to a target. It carries one request at a time for the
 * {@link ProxiedRequest} bound to it, and waits in {@link TargetConnections} between requests.
 * Runs on the event loop of the client connection that opened it, as do the requests it carries.
 */
final class TargetConnection extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(TargetConnection.class);

    final Channel channel;
    final TargetSnapshot target;
    private final TargetConnections pool;
    private @Nullable ProxiedRequest request;
    /** False once the target said it closes the connection after its response. */
    private boolean reusable = true;
    private @Nullable Throwable failure;
    /** When the awaited response head is due, by {@link System#nanoTime()}; 0 when none is awaited. */
    private long responseDeadline;
    /**
     * Whether a deadline check is scheduled. One check per connection, moved on as requests follow each
     * other, costs far less than a timer per request.
     */
    private boolean checkScheduled;
    private final Runnable checkDeadline = this::checkResponseDeadline;

    TargetConnection(Channel channel, TargetSnapshot target, TargetConnections pool) {
        this.channel = channel;
        this.target = target;
        this.pool = pool;
    }

    void bind(ProxiedRequest request) {
        this.request = request;
    }

    /** The request went out: its response head is due within {@code timeoutMillis}. */
    void awaitResponse(long timeoutMillis) {
        long timeout = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        // 0 means no deadline: a deadline that happens to fall on it moves by a nanosecond
        responseDeadline = (System.nanoTime() + timeout) | 1;
        if (!checkScheduled) {
            scheduleCheck(timeout);
        }
    }

    /** The response head arrived in time. */
    void responseArrived() {
        responseDeadline = 0;
    }

    private void scheduleCheck(long delayNanos) {
        checkScheduled = true;
        channel.eventLoop().schedule(checkDeadline, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkResponseDeadline() {
        checkScheduled = false;
        ProxiedRequest owner = request;
        long deadline = responseDeadline;
        if (owner == null || deadline == 0) {
            return;
        }
        long left = deadline - System.nanoTime();
        if (left > 0) {
            scheduleCheck(left);
            return;
        }
        responseDeadline = 0;
        owner.responseTimedOut();
    }

    /** The request is done with the connection: back to the pool if it can carry another, else closed. */
    void release(boolean reusableByRequest) {
        request = null;
        responseDeadline = 0;
        if (reusable && reusableByRequest && channel.isActive()) {
            pool.offer(this);
        } else {
            channel.close();
        }
    }

    /** Closes the connection under a request that cannot finish on it. */
    void abandon() {
        request = null;
        responseDeadline = 0;
        channel.close();
    }

    /** The connection stops speaking HTTP and hands whatever it reads to {@code relay}. */
    void switchToRelay(ChannelHandler relay) {
        request = null;
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(relay);
        pipeline.remove(this);
        pipeline.remove(IdleStateHandler.class);
        pipeline.remove(HttpClientCodec.class);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ProxiedRequest owner = request;
        if (owner == null) {
            // nothing is asked of an idle connection: whatever it sends is not an answer to anything
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        if (msg instanceof HttpResponse head) {
            if (!HttpUtil.isKeepAlive(head)) {
                reusable = false;
            }
            owner.responseHead(head);
        } else if (msg instanceof HttpContent part) {
            owner.responseContent(part);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ProxiedRequest owner = request;
        if (owner != null) {
            owner.flushToClient();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ProxiedRequest owner = request;
        if (owner != null) {
            owner.targetWritabilityChanged(ctx.channel().isWritable());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ProxiedRequest owner = request;
        request = null;
        if (owner != null) {
            owner.targetClosed(failure);
        } else {
            pool.forget(this);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && request == null) {
            ctx.close();
        }
        ReferenceCountUtil.release(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Connection to target {}:{} failed: {}", target.host(), target.port(), cause.toString());
        failure = cause;
        ctx.close();
    }
}
