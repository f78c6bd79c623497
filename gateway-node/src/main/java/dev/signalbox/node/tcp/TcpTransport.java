package dev.signalbox.node.tcp;

import java.net.InetSocketAddress;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import reactor.netty.resources.LoopResources;

/**
 * The Netty plumbing of TCP listeners: event loops (Reactor Netty's, native where available), the
 * socket options of both sides of a proxied connection, and a non-blocking resolver for targets
 * registered by host name.
 *
 * <p>Both sides read only when asked ({@code AUTO_READ} off), which is how the relay applies
 * backpressure, and stay open after the peer's FIN ({@code ALLOW_HALF_CLOSURE}), so a half-close is
 * passed on instead of ending the connection.
 */
final class TcpTransport implements AutoCloseable {

    private final LoopResources loops;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final AddressResolverGroup<InetSocketAddress> resolver;

    TcpTransport(LoopResources loops) {
        this.loops = loops;
        this.acceptors = loops.onServerSelect(LoopResources.DEFAULT_NATIVE);
        this.workers = loops.onServer(LoopResources.DEFAULT_NATIVE);
        this.resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                .datagramChannelType(loops.onChannelClass(DatagramChannel.class, workers)));
    }

    /** A server whose accepted connections {@code childHandler} sets up. */
    ServerBootstrap server(ChannelHandler childHandler) {
        return new ServerBootstrap()
                .group(acceptors, workers)
                .channel(loops.onChannelClass(ServerSocketChannel.class, acceptors))
                // a released port can be bound again at once, while its old connections linger in TIME_WAIT
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(childHandler);
    }

    /**
     * Connects to targets on {@code loop}, the client connection's own event loop, so the bytes of
     * both sides of a connection are relayed without ever changing threads.
     */
    Bootstrap client(EventLoop loop, int connectTimeoutMillis, ChannelHandler handler) {
        return new Bootstrap()
                .group(loop)
                .channel(loops.onChannelClass(SocketChannel.class, loop))
                .resolver(resolver)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(handler);
    }

    /** Closes the resolver; the event loops are Reactor Netty's and outlive the listeners. */
    @Override
    public void close() {
        resolver.close();
    }
}
