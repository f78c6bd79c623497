package dev.signalbox.node.tcp;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.node.metrics.ConnectionObservation;
import dev.signalbox.node.metrics.MetricsRecorder;
import dev.signalbox.protocol.TargetSnapshot;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The first handler of an accepted client connection: picks a target by the listener's route and
 * connects to it, trying further targets when connecting fails ({@link TargetAttempts}), then hands
 * both sides to {@link ByteRelay}s and steps aside. The client is not asked for bytes until a target
 * is connected, and is closed when no target could be. Bytes and a FIN that a native transport
 * delivers unasked meanwhile (a client that sends and half-closes at once) are held and handed to the
 * relay, never dropped.
 *
 * <p>A selector that counts connections gets each pick released exactly once: a failed attempt at
 * once, the connected target when the client connection closes. The latency it is told is the time
 * connecting took, the one round trip a byte proxy measures without depending on how long the
 * client keeps its connection open.
 */
final class TargetConnector extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(TargetConnector.class);

    private final TcpListener listener;
    private final TcpTransport transport;
    private final MetricsRecorder metrics;
    private final ArrayDeque<Object> early = new ArrayDeque<>(1);
    private boolean inputEnded;

    TargetConnector(TcpListener listener, TcpTransport transport, MetricsRecorder metrics) {
        this.listener = listener;
        this.transport = transport;
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        TcpRoute route = listener.route();
        if (route == null) {
            // accepted while the listener was being released
            ctx.close();
            return;
        }
        String key = route.hashesSourceIp() ? sourceIp(ctx.channel().remoteAddress()) : null;
        connectNext(ctx, route, new TargetAttempts(route.selector(), key));
        ctx.fireChannelActive();
    }

    private void connectNext(ChannelHandlerContext ctx, TcpRoute route, TargetAttempts attempts) {
        TargetSnapshot target = attempts.next();
        if (target == null) {
            log.debug("No target of load balancer {} accepted client {} on port {}", route.loadBalancerId(),
                    ctx.channel().remoteAddress(), listener.port());
            ctx.close();
            return;
        }
        Channel client = ctx.channel();
        long startNanos = System.nanoTime();
        ByteRelay fromTarget = new ByteRelay(client);
        ChannelFuture connecting = transport.client(client.eventLoop(), route.connectTimeoutMillis(), fromTarget)
                .connect(InetSocketAddress.createUnresolved(target.host(), target.port()));
        connecting.addListener((ChannelFutureListener) connected -> {
            long connectNanos = System.nanoTime() - startNanos;
            TargetSelector selector = route.selector();
            if (!connected.isSuccess()) {
                release(selector, target, connectNanos);
                log.debug("Cannot connect to target {}:{} of load balancer {}: {}", target.host(), target.port(),
                        route.loadBalancerId(), String.valueOf(connected.cause()));
                if (client.isActive()) {
                    connectNext(ctx, route, attempts);
                }
                return;
            }
            Channel targetSide = connected.channel();
            ByteRelay fromClient = new ByteRelay(targetSide);
            ConnectionObservation observation = metrics.connectionOpened(route.loadBalancerId(),
                    requireNonNull(route.targetGroupId()), target.id());
            client.closeFuture().addListener(closed -> {
                release(selector, target, connectNanos);
                observation.closed(fromClient.relayedBytes(), fromTarget.relayedBytes(), connectNanos);
            });
            if (!client.isActive()) {
                // the client left while we were connecting
                targetSide.close();
                return;
            }
            startRelay(ctx, targetSide, fromClient);
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        early.add(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            inputEnded = true;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        // held bytes not handed on: the client closed, or no target could be connected
        early.forEach(ReferenceCountUtil::release);
        early.clear();
    }

    /** Replaces this handler with the relay to the target and hands it what arrived so far. */
    private void startRelay(ChannelHandlerContext ctx, Channel targetSide, ByteRelay fromClient) {
        ChannelPipeline pipeline = ctx.pipeline();
        Object[] held = early.toArray();
        early.clear();
        pipeline.replace(this, "relay", fromClient);
        for (Object msg : held) {
            pipeline.fireChannelRead(msg);
        }
        if (held.length > 0) {
            // the relay flushes to the target and asks the client for more
            pipeline.fireChannelReadComplete();
        } else if (!inputEnded) {
            ctx.channel().read();
        }
        if (inputEnded) {
            pipeline.fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        }
        targetSide.read();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Closing client connection {} before it reached a target: {}", ctx.channel(), cause.toString());
        ctx.close();
    }

    private static void release(TargetSelector selector, TargetSnapshot target, long latencyNanos) {
        if (selector.tracksRequests()) {
            selector.release(target, latencyNanos);
        }
    }

    private static @Nullable String sourceIp(@Nullable SocketAddress remote) {
        if (remote instanceof InetSocketAddress address) {
            return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        }
        return null;
    }
}
