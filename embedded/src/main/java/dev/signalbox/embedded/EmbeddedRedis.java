package dev.signalbox.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/** A real Redis server binary (embedded-redis) bound to loopback, without persistence. */
public final class EmbeddedRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on {@code port} (0 for a free one). */
    public static EmbeddedRedis start(int port) {
        int chosen = FreePort.orFree(port);
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(chosen)
                    .bind("127.0.0.1")
                    // a cache and rate-limit store: nothing here needs to survive a restart
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            return new EmbeddedRedis(server, chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not start on port " + chosen, e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not stop cleanly", e);
        }
    }
}
