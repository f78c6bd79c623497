package dev.signalbox.node.forwarding;

import java.time.Duration;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;

/**
 * One bound HTTP listener port and the client connections it accepted. Stopping it stops accepting
 * at once; the connections finish the request under way, then close.
 */
public final class HttpListenerPort {

    private static final long POLL_MILLIS = 20;

    private final Channel server;
    private final ChannelGroup connections;
    private final int port;

    HttpListenerPort(Channel server, ChannelGroup connections, int port) {
        this.server = server;
        this.connections = connections;
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** Stops accepting and lets every connection close once its request under way is answered. */
    public void stop() {
        server.close().awaitUninterruptibly();
        for (Channel connection : connections) {
            connection.eventLoop().execute(() -> {
                ClientConnection client = connection.pipeline().get(ClientConnection.class);
                if (client != null) {
                    client.closeWhenIdle();
                } else {
                    // switched protocols (WebSocket): a relay has no request boundary to wait for
                    connection.close();
                }
            });
        }
    }

    /**
     * {@link #stop()}, then waits up to {@code timeout} for the connections to close, and closes
     * those still open then.
     *
     * @return whether every connection closed within the timeout
     */
    public boolean drain(Duration timeout) {
        stop();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!connections.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean drained = connections.isEmpty();
        connections.close().awaitUninterruptibly();
        return drained;
    }
}
