package dev.signalbox.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks loopback ports that are free at the moment of asking. */
public final class FreePort {

    private FreePort() {
    }

    /**
     * Asks the operating system for a free loopback port. The port is released before returning,
     * so another process could take it in between; good enough for tests and the local stack.
     */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /** Returns {@code port} unchanged, or a free port when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? pick() : port;
    }
}
