package dev.signalbox.node;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP target whose {@code /gate} requests wait until the test opens the gate (at most a
 * minute), so a test decides when a request in flight ends. Every other path answers at once with
 * the target's name and the path, as {@link TestTarget} does.
 */
final class GatedTarget implements AutoCloseable {

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger arrivals = new AtomicInteger();

    private GatedTarget(String name, HttpServer server) {
        this.name = name;
        this.server = server;
        server.setExecutor(executor);
    }

    static GatedTarget start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            GatedTarget target = new GatedTarget(name, server);
            server.createContext("/", target::answer);
            server.createContext("/gate", target::answerWhenOpen);
            server.start();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** How many {@code /gate} requests have reached this target. */
    int arrivals() {
        return arrivals.get();
    }

    /** Lets every waiting and later {@code /gate} request answer. */
    void open() {
        gate.countDown();
    }

    @Override
    public void close() {
        open();
        server.stop(0);
        executor.shutdownNow();
    }

    private void answerWhenOpen(HttpExchange exchange) throws IOException {
        arrivals.incrementAndGet();
        try {
            gate.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answer(exchange);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = (name + " " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // the node may have cut the request: nobody is left to answer
        }
    }
}
