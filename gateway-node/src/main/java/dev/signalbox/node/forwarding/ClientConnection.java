package dev.signalbox.node.forwarding;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.signalbox.node.tcp.ByteRelay;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * One client connection to an HTTP listener: it answers its requests one after the other, each as
 * a {@link ProxiedRequest}, keeping the connection open between them unless the client or the
 * node's shutdown wants it closed. Requests a client pipelines wait until the one before is
 * answered. Reading pauses while a target connection is being opened, while the target cannot take
 * more of the body, and while pipelined requests wait.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {

    /** Reasons to stop reading from the client, as bits. */
    static final int CONNECTING = 1;
    static final int TARGET_BUSY = 2;
    static final int PIPELINED = 4;

    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);

    final int listenerPort;
    final boolean secure;
    /** Cuts the request under way by closing the connection; one instance per connection. */
    final Runnable cut = this::cut;
    private final ForwardingContext context;
    private @Nullable Channel channel;
    private @Nullable InetSocketAddress remoteAddress;
    /** The client's IP address as text, for X-Forwarded-For: formatted once per connection. */
    private @Nullable String clientAddress;
    private @Nullable ProxiedRequest current;
    private @Nullable ArrayDeque<Object> waiting;
    private int pausedBy;
    private boolean closing;

    ClientConnection(ForwardingContext context, int listenerPort, boolean secure) {
        this.context = context;
        this.listenerPort = listenerPort;
        this.secure = secure;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        remoteAddress = (InetSocketAddress) ctx.channel().remoteAddress();
        if (remoteAddress != null && remoteAddress.getAddress() != null) {
            clientAddress = remoteAddress.getAddress().getHostAddress();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if ((current != null && current.isRequestReceived()) || (waiting != null && !waiting.isEmpty())) {
            if (waiting == null) {
                waiting = new ArrayDeque<>(4);
            }
            waiting.add(msg);
            pauseReading(PIPELINED);
            return;
        }
        accept(msg);
    }

    private void accept(Object msg) {
        ProxiedRequest request = current;
        if (request != null) {
            if (msg instanceof HttpContent part) {
                request.requestContent(part);
            } else {
                ReferenceCountUtil.release(msg);
            }
            return;
        }
        if (msg instanceof HttpRequest head) {
            if (head.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                badRequest();
                return;
            }
            request = new ProxiedRequest(this, context, head);
            current = request;
            request.start();
            if (msg instanceof HttpContent part && current == request) {
                request.requestContent(part);
            }
            return;
        }
        // the rest of a body the node already answered and stopped reading for
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ProxiedRequest request = current;
        if (request != null) {
            request.flushToTarget();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ProxiedRequest request = current;
        if (request != null) {
            request.clientWritabilityChanged(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ProxiedRequest request = current;
        current = null;
        if (request != null) {
            request.clientClosed();
        }
        if (waiting != null) {
            waiting.forEach(ReferenceCountUtil::release);
            waiting.clear();
        }
        ctx.fireChannelInactive();
    }

    /** Nothing read for the idle timeout: closed unless a request is still being answered. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            if (current == null) {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // resets and broken pipes are the normal end of many connections
        log.debug("Closing client connection {}: {}", ctx.channel(), cause.toString());
        ctx.close();
    }

    /** {@code request} is answered and read to its end; the next one may start. */
    void finished(ProxiedRequest request, boolean keepAlive) {
        if (current != request) {
            return;
        }
        current = null;
        Channel connection = channel();
        if (!keepAlive || closing) {
            connection.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (waiting != null && !waiting.isEmpty()) {
            // after the answer's own call stack unwinds
            connection.eventLoop().execute(this::acceptWaiting);
        }
    }

    private void acceptWaiting() {
        ArrayDeque<Object> queue = waiting;
        if (queue == null) {
            return;
        }
        while (!queue.isEmpty() && channel().isActive() && (current == null || !current.isRequestReceived())) {
            accept(queue.poll());
        }
        if (queue.isEmpty()) {
            resumeReading(PIPELINED);
        }
    }

    /**
     * Closes the connection once its request under way is answered, or now when there is none:
     * how a listener that stops lets its connections finish.
     */
    void closeWhenIdle() {
        closing = true;
        if (current == null) {
            channel().close();
        }
    }

    boolean isClosing() {
        return closing;
    }

    void cut() {
        channel().close();
    }

    void pauseReading(int reason) {
        if (pausedBy == 0) {
            channel().config().setAutoRead(false);
        }
        pausedBy |= reason;
    }

    void resumeReading(int reason) {
        if (pausedBy == 0) {
            return;
        }
        pausedBy &= ~reason;
        if (pausedBy == 0) {
            channel().config().setAutoRead(true);
        }
    }

    void write(Object message) {
        Channel connection = channel();
        connection.write(message, connection.voidPromise());
    }

    void flush() {
        channel().flush();
    }

    boolean isWritable() {
        return channel().isWritable();
    }

    EventLoop eventLoop() {
        return channel().eventLoop();
    }

    @Nullable InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Nullable String clientAddress() {
        return clientAddress;
    }

    /**
     * The target switched protocols (WebSocket): the client gets its 101, then both connections
     * stop speaking HTTP and relay bytes to each other until either closes.
     */
    void upgrade(HttpResponse switched, TargetConnection target) {
        current = null;
        Channel client = channel();
        Channel targetChannel = target.channel;
        client.write(switched);
        client.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        client.config().setAutoRead(false);
        targetChannel.config().setAutoRead(false);
        // each relay goes in before its codec leaves, so bytes the codec still holds reach it
        client.pipeline().addLast(new ByteRelay(targetChannel));
        client.pipeline().remove(this);
        client.pipeline().remove(HttpListenerInitializer.IDLE);
        client.pipeline().remove(HttpListenerInitializer.CODEC);
        target.switchToRelay(new ByteRelay(client));
        client.read();
        targetChannel.read();
    }

    private void badRequest() {
        HttpResponse answer = NodeAnswers.badRequest();
        ProxyHeaders.connection(answer, false, HttpVersion.HTTP_1_1);
        channel().writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }

    private Channel channel() {
        Channel connection = channel;
        if (connection == null) {
            throw new IllegalStateException("client connection used before its channel was registered");
        }
        return connection;
    }
}
