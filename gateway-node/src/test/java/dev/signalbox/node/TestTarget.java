package dev.signalbox.node;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP target on loopback. It answers every request with its name, the path and query it
 * received and the Host header, so a test can see which target served a request and how. Under
 * {@code /echo-headers} it answers with every header it received instead, one {@code name: value}
 * line each (names in lower case, sorted); under {@code /slow} it answers after one second; under
 * {@code /health} it answers with the status set by {@link #healthStatus(int)}, 200 at first. Other
 * requests are answered with the status set by {@link #answerStatus(int)}, 200 at first, and a body
 * they carried is echoed after {@code body=}.
 */
public final class TestTarget implements AutoCloseable {

    /** Slow requests must not hold up the others. */
    private static final int THREADS = 4;

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    private final AtomicInteger slowRequestsStarted = new AtomicInteger();
    private final AtomicInteger healthStatus = new AtomicInteger(200);
    private final AtomicInteger answerStatus = new AtomicInteger(200);
    private final AtomicInteger requestsAnswered = new AtomicInteger();

    private TestTarget(String name, HttpServer server) {
        this.name = name;
        this.server = server;
        server.setExecutor(executor);
    }

    public static TestTarget start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestTarget target = new TestTarget(name, server);
            server.createContext("/", target::answer);
            server.createContext("/echo-headers", target::echoHeaders);
            server.createContext("/slow", target::answerSlowly);
            server.createContext("/health", target::answerHealth);
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

    /** How many {@code /slow} requests have reached this target. */
    public int slowRequestsStarted() {
        return slowRequestsStarted.get();
    }

    /** Makes requests outside {@code /health} and {@code /echo-headers} answer with {@code status} from now on. */
    public void answerStatus(int status) {
        answerStatus.set(status);
    }

    /** How many requests this target answered, {@code /health} probes left out. */
    public int requestsAnswered() {
        return requestsAnswered.get();
    }

    /** Makes {@code /health} answer with {@code status} from now on. */
    public void healthStatus(int status) {
        healthStatus.set(status);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requestsAnswered.incrementAndGet();
        respond(exchange, answerStatus.get(), name + " " + exchange.getRequestURI() + " host="
                + exchange.getRequestHeaders().getFirst("Host") + (body.isEmpty() ? "" : " body=" + body));
    }

    private void echoHeaders(HttpExchange exchange) throws IOException {
        requestsAnswered.incrementAndGet();
        Map<String, List<String>> sorted = new TreeMap<>();
        exchange.getRequestHeaders().forEach((header, values) -> sorted.put(header.toLowerCase(), values));
        StringBuilder body = new StringBuilder();
        sorted.forEach((header, values) -> values.forEach(value -> body.append(header).append(": ").append(value).append('\n')));
        respond(exchange, body.toString());
    }

    private void answerSlowly(HttpExchange exchange) throws IOException {
        slowRequestsStarted.incrementAndGet();
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answer(exchange);
    }

    private void answerHealth(HttpExchange exchange) throws IOException {
        respond(exchange, healthStatus.get(), name + " health");
    }

    private static void respond(HttpExchange exchange, String text) throws IOException {
        respond(exchange, 200, text);
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
