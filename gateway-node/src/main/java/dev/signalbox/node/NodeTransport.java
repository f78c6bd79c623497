package dev.signalbox.node;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

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
 * The Netty plumbing of listener ports, HTTP and TCP alike: event loops of their own (native
 * transport where the platform has it, as many as the node has cores unless configured), the
 * socket options both kinds share, and a non-blocking resolver for targets registered by host
 * name. A target connection is made on its client connection's event loop, so a request and its
 * response, or the bytes of both sides of a TCP connection, never change threads.
 */
@Component
public class NodeTransport implements DisposableBean {

    private final LoopResources loops;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final AddressResolverGroup<InetSocketAddress> resolver;

    public NodeTransport(NodeProperties node) {
        int threads = node.eventLoopThreads() > 0 ? node.eventLoopThreads() : Runtime.getRuntime().availableProcessors();
        this.loops = LoopResources.create("signalbox-listeners", 1, threads, true);
        this.acceptors = loops.onServerSelect(LoopResources.DEFAULT_NATIVE);
        this.workers = loops.onServer(LoopResources.DEFAULT_NATIVE);
        this.resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                .datagramChannelType(loops.onChannelClass(DatagramChannel.class, workers)));
    }

    /** A server whose accepted connections {@code childHandler} sets up. */
    public ServerBootstrap server(ChannelHandler childHandler) {
        return new ServerBootstrap()
                .group(acceptors, workers)
                .channel(loops.onChannelClass(ServerSocketChannel.class, acceptors))
                // a released port can be bound again at once, while its old connections linger in TIME_WAIT
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(childHandler);
    }

    /** Connects to targets on {@code loop}, the client connection's own event loop. */
    public Bootstrap client(EventLoop loop, int connectTimeoutMillis, ChannelHandler handler) {
        return new Bootstrap()
                .group(loop)
                .channel(loops.onChannelClass(SocketChannel.class, loop))
                .resolver(resolver)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(handler);
    }

    @Override
    public void destroy() {
        resolver.close();
        loops.disposeLater().block(Duration.ofSeconds(5));
    }
}
