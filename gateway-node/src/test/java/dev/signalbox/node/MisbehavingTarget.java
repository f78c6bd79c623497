package dev.signalbox.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target on loopback that accepts connections but never answers properly: one that reads each
 * request and hangs up before a byte of response, one that reads it and stays silent, or one whose
 * backlog is full so that new connections are never accepted and time out. It counts the
 * connections it accepted, which is how a test sees the attempts a node made on it.
 */
public final class MisbehavingTarget implements AutoCloseable {

    private enum Behaviour { HANG_UP, SILENT, NEVER_ACCEPT }

    private static final int BACKLOG_FILLERS = 8;

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private MisbehavingTarget(Behaviour behaviour, int backlog) {
        try {
            this.server = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.behaviour = behaviour;
        this.acceptor = daemon("misbehaving-target-" + behaviour.name().toLowerCase(Locale.ROOT), this::acceptAll);
    }

    /** Reads each request, body included, then closes the connection without answering. */
    public static MisbehavingTarget hangingUp() {
        return start(Behaviour.HANG_UP, 50);
    }

    /** Reads each request and never answers, keeping the connection open. */
    public static MisbehavingTarget silent() {
        return start(Behaviour.SILENT, 50);
    }

    /**
     * Never accepts: its backlog is filled by connections of its own, so that the kernel drops new
     * connection attempts, which then time out.
     */
    public static MisbehavingTarget neverAccepting() {
        MisbehavingTarget target = new MisbehavingTarget(Behaviour.NEVER_ACCEPT, 1);
        target.fillBacklog();
        return target;
    }

    private static MisbehavingTarget start(Behaviour behaviour, int backlog) {
        MisbehavingTarget target = new MisbehavingTarget(behaviour, backlog);
        target.acceptor.start();
        return target;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : open) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                open.add(socket);
                daemon("misbehaving-connection", () -> serve(socket)).start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            while (readRequest(in)) {
                if (behaviour == Behaviour.HANG_UP) {
                    // everything was read, so closing sends a FIN, not a reset
                    return;
                }
            }
        } catch (IOException e) {
            // the node gave up on the connection
        } finally {
            open.remove(socket);
        }
    }

    /** Reads one request with its Content-Length body; false at the end of the stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes((int) length);
        return true;
    }

    /** Connects until a connection attempt no longer completes: the accept queue is full. */
    private void fillBacklog() {
        for (int i = 0; i < BACKLOG_FILLERS; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 200);
                open.add(filler);
            } catch (SocketTimeoutException e) {
                closeQuietly(filler);
                return;
            } catch (IOException e) {
                closeQuietly(filler);
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("the backlog of port " + port() + " never filled up");
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }
}
