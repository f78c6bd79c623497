package dev.signalbox.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Small HTTP servers standing in for a tenant's application: each answers {@code Hello from
 * target N} on every path, and 200 on {@code /health} for health checks.
 */
public final class DemoTargets implements AutoCloseable {

    private final List<HttpServer> servers;
    private final List<Integer> ports;

    private DemoTargets(List<HttpServer> servers, List<Integer> ports) {
        this.servers = servers;
        this.ports = ports;
    }

    /** Starts target 1 on the first port, target 2 on the second, and so on. */
    public static DemoTargets start(int... ports) {
        List<HttpServer> servers = new ArrayList<>();
        List<Integer> bound = new ArrayList<>();
        try {
            for (int i = 0; i < ports.length; i++) {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", ports[i]), 50);
                server.createContext("/", greeting(greetingOf(i + 1)));
                server.start();
                servers.add(server);
                bound.add(server.getAddress().getPort());
            }
        } catch (IOException e) {
            servers.forEach(server -> server.stop(0));
            throw new UncheckedIOException("Demo target could not bind", e);
        }
        return new DemoTargets(servers, List.copyOf(bound));
    }

    /** Port of target {@code number} (1-based). */
    public int port(int number) {
        return ports.get(number - 1);
    }

    /** The greeting target {@code number} answers with. */
    public static String greetingOf(int number) {
        return "Hello from target " + number + "\n";
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
    }

    private static com.sun.net.httpserver.HttpHandler greeting(String text) {
        return exchange -> {
            try (exchange) {
                String body = "/health".equals(exchange.getRequestURI().getPath()) ? "OK\n" : text;
                respond(exchange, body);
            }
        };
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
