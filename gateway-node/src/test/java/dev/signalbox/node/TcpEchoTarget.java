package dev.signalbox.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real TCP target on loopback. It greets every connection with its name and a newline, so a test
 * sees which target a connection reached, then echoes every byte it receives. When the client
 * half-closes, it half-closes too once everything is echoed. It can stop listening and listen again
 * on the same port, to look down to health checks and then take connections again.
 */
public final class TcpEchoTarget implements AutoCloseable {

    private final String name;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tcp-echo-target");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private TcpEchoTarget(String name, ServerSocket server) {
        this.name = name;
        this.server = server;
        this.port = server.getLocalPort();
        accept(server);
    }

    public static TcpEchoTarget start(String name) {
        return new TcpEchoTarget(name, listen(0));
    }

    public String name() {
        return name;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Closes the listening socket: new connections are refused, open ones keep going. */
    public void stopListening() {
        closeQuietly(server);
    }

    /** Listens on the same port again. */
    public void listenAgain() {
        server = listen(port);
        accept(server);
    }

    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(TcpEchoTarget::closeQuietly);
        threads.shutdownNow();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket listening) {
        threads.execute(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket connection = listening.accept();
                    open.add(connection);
                    threads.execute(() -> echo(connection));
                } catch (IOException e) {
                    // closed: stop accepting
                }
            }
        });
    }

    private void echo(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            out.write((name + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
            connection.shutdownOutput();
        } catch (IOException e) {
            // the client (or a health check) went away
        } finally {
            open.remove(connection);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
