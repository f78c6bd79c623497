package dev.signalbox.node.tcp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import dev.signalbox.node.metrics.MetricsRecorder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One bound TCP listener port: its server socket, the route new connections take, and the client
 * connections it accepted, which it keeps until they close so that they can be drained.
 */
final class TcpListener {

    private final int port;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private volatile @Nullable TcpRoute route;
    private @Nullable Channel server;

    private TcpListener(int port, TcpRoute route) {
        this.port = port;
        this.route = route;
    }

    /**
     * Binds {@code address}:{@code port}.
     *
     * @throws IllegalStateException when the port cannot be bound, such as when it is in use
     */
    static TcpListener bind(TcpTransport transport, MetricsRecorder metrics, String address, int port, TcpRoute route,
            Duration timeout) {
        TcpListener listener = new TcpListener(port, route);
        ChannelFuture binding = transport.server(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel client) {
                listener.connections.add(client);
                client.pipeline().addLast(new TargetConnector(listener, transport, metrics));
            }
        }).bind(address, port);
        if (!binding.awaitUninterruptibly(timeout.toMillis())) {
            binding.channel().close();
            throw new IllegalStateException("binding took longer than " + timeout);
        }
        if (!binding.isSuccess()) {
            throw new IllegalStateException(String.valueOf(binding.cause().getMessage()), binding.cause());
        }
        listener.server = binding.channel();
        return listener;
    }

    int port() {
        return port;
    }

    /** Where new connections go; null once the listener stopped accepting. */
    @Nullable TcpRoute route() {
        return route;
    }

    /** Sends connections accepted from now on along {@code next}; open ones keep their target. */
    void route(TcpRoute next) {
        route = next;
    }

    /** Closes the server socket, so the port is free again; accepted connections keep going. */
    void stopAccepting(Duration timeout) {
        route = null;
        Channel bound = server;
        if (bound != null) {
            bound.close().awaitUninterruptibly(timeout.toMillis());
        }
    }

    int openConnections() {
        return connections.size();
    }

    /** Waits up to {@code timeout} for the open connections to end by themselves; true if they did. */
    boolean awaitConnectionsClosed(Duration timeout) {
        return connections.newCloseFuture().awaitUninterruptibly(Math.max(timeout.toMillis(), 0));
    }

    /**
     * Closes the connections still open after {@code drainTimeout}, without waiting for it, and
     * runs {@code whenClosed} once all are closed.
     */
    void closeConnectionsAfter(Duration drainTimeout, Runnable whenClosed) {
        ScheduledFuture<?> deadline = GlobalEventExecutor.INSTANCE.schedule((Runnable) connections::close,
                drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
        connections.newCloseFuture().addListener(closed -> {
            deadline.cancel(false);
            whenClosed.run();
        });
    }

    /** Closes the open connections now; their targets get what was read for them first. */
    void closeConnections(Duration timeout) {
        connections.close().awaitUninterruptibly(timeout.toMillis());
    }
}
