package dev.signalbox.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client connection to a node's TCP listener that reaches a {@link TcpEchoTarget}: reads its
 * greeting, sends bytes and reads their echo. Every read gives up after ten seconds.
 */
public final class EchoConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final InputStream in;

    private EchoConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects to {@code port} on loopback. */
    public static EchoConnection open(int port) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            return new EchoConnection(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException(e);
        }
    }

    /** Connects, reads the greeting and closes: the name of the target this connection reached. */
    public static String targetOf(int port) {
        try (EchoConnection connection = open(port)) {
            return connection.greeting();
        }
    }

    /** The first line the target sent: its name. */
    public String greeting() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int next = in.read(); next != '\n'; next = in.read()) {
                if (next < 0) {
                    throw new IOException("connection ended before the greeting");
                }
                line.write(next);
            }
            return line.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code text} and reads as many bytes back. */
    public String echo(String text) {
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        try {
            socket.getOutputStream().write(sent);
            socket.getOutputStream().flush();
            return new String(in.readNBytes(sent.length), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code payload} and half-closes while reading, then returns everything read until the
     * other side closed: the echo arrives in full only if both half-closes were passed on.
     */
    public byte[] sendAndHalfClose(byte[] payload) {
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try {
                socket.getOutputStream().write(payload);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            byte[] received = in.readAllBytes();
            sending.join();
            return received;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code total} bytes in chunks without reading anything, counting what was written; the
     * returned future ends when all were written or the connection failed.
     */
    public CompletableFuture<Void> writeWithoutReading(long total, AtomicLong written) {
        return CompletableFuture.runAsync(() -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                while (written.get() < total) {
                    socket.getOutputStream().write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Reads until the other side ends the connection, discarding what arrives: true if it ended
     * (closed or reset) within the read timeout, false if it was still open.
     */
    public boolean endsWithinTimeout() {
        try {
            in.readAllBytes();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
