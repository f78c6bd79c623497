package dev.signalbox.node.forwarding;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.signalbox.node.NodeTransport;
import dev.signalbox.protocol.TargetSnapshot;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Keep-alive connections to targets, idle between requests, kept per event loop so that taking
 * one and giving it back costs a map lookup on the loop's own thread and no lock. A connection is
 * reused for the same registration of a target at the same address; one idle for
 * {@value #IDLE_SECONDS} s is closed, and one the target closes leaves the pool at once.
 */
@Component
class TargetConnections {

    static final int IDLE_SECONDS = 60;

    /**
     * Above this many bytes queued for a slow peer, client and target connections alike, the other
     * side stops reading until it drains.
     */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    /**
     * Responses are parsed as strictly as ever; only the extra check of every header's characters is
     * left out, for the targets' answers, as they go to the client as they came.
     */
    private static final HttpDecoderConfig RESPONSES = new HttpDecoderConfig().setValidateHeaders(false);

    private final FastThreadLocal<HashMap<TargetSnapshot, ArrayDeque<TargetConnection>>> idle =
            new FastThreadLocal<>() {
                @Override
                protected HashMap<TargetSnapshot, ArrayDeque<TargetConnection>> initialValue() {
                    return new HashMap<>();
                }
            };
    private final NodeTransport transport;

    TargetConnections(NodeTransport transport) {
        this.transport = transport;
    }

    /** An idle connection to {@code target} of the calling event loop; null when there is none. */
    @Nullable TargetConnection take(TargetSnapshot target) {
        ArrayDeque<TargetConnection> connections = idle.get().get(target);
        if (connections == null) {
            return null;
        }
        // the most recently used first: it is the least likely to have been closed by the target meanwhile
        TargetConnection connection;
        while ((connection = connections.pollLast()) != null) {
            if (connection.channel.isActive()) {
                return connection;
            }
        }
        return null;
    }

    /** Opens a new connection to {@code target} on {@code loop}; the future's channel has a {@link TargetConnection}. */
    ChannelFuture open(EventLoop loop, TargetSnapshot target, int connectTimeoutMillis) {
        return transport.client(loop, connectTimeoutMillis, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(
                        new HttpClientCodec(RESPONSES, false, false),
                        new IdleStateHandler(IDLE_SECONDS, 0, 0, TimeUnit.SECONDS),
                        new TargetConnection(channel, target, TargetConnections.this));
            }
        }).option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK).connect(target.host(), target.port());
    }

    /** The connection of {@code channel} opened by {@link #open}. */
    static TargetConnection of(Channel channel) {
        return channel.pipeline().get(TargetConnection.class);
    }

    void offer(TargetConnection connection) {
        idle.get().computeIfAbsent(connection.target, target -> new ArrayDeque<>()).addLast(connection);
    }

    void forget(TargetConnection connection) {
        ArrayDeque<TargetConnection> connections = idle.get().get(connection.target);
        if (connections != null) {
            connections.remove(connection);
            if (connections.isEmpty()) {
                idle.get().remove(connection.target);
            }
        }
    }
}
