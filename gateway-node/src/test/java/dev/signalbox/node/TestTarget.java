package dev.signalbox.node;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP target on loopback. It answers every request with its name, the path and query it
 * received and the Host header, so a test can see which target served a request and how.
 */
public final class TestTarget implements AutoCloseable {

    private final String name;
    private final HttpServer server;

    private TestTarget(String name, HttpServer server) {
        this.name = name;
        this.server = server;
    }

    public static TestTarget start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestTarget target = new TestTarget(name, server);
            server.createContext("/", target::answer);
            server.start();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = (name + " " + exchange.getRequestURI() + " host=" + exchange.getRequestHeaders().getFirst("Host"))
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
