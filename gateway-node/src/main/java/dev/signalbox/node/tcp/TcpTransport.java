package dev.signalbox.node.tcp;

import dev.signalbox.node.NodeTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;

/**
 * The node's Netty plumbing ({@link NodeTransport}) with the socket options of both sides of a
 * proxied TCP connection: they read only when asked ({@code AUTO_READ} off), which is how the relay
 * applies backpressure, and stay open after the peer's FIN ({@code ALLOW_HALF_CLOSURE}), so a
 * half-close is passed on instead of ending the connection.
 */
final class TcpTransport {

    private final NodeTransport transport;

    TcpTransport(NodeTransport transport) {
        this.transport = transport;
    }

    /** A server whose accepted connections {@code childHandler} sets up. */
    ServerBootstrap server(ChannelHandler childHandler) {
        return transport.server(childHandler)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
    }

    /** Connects to targets on {@code loop}, the client connection's own event loop. */
    Bootstrap client(EventLoop loop, int connectTimeoutMillis, ChannelHandler handler) {
        return transport.client(loop, connectTimeoutMillis, handler)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true);
    }
}
