import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A benchmark target: answers "ok" on every path of its traffic port after an optional delay, and
 * 200 on its health port. Both live in one process, so kill -9 and SIGSTOP hit both at once, while
 * the traffic port sees requests only (health probes go to the other port).
 *
 * Usage: java Target BIND_ADDRESS TRAFFIC_PORT HEALTH_PORT DELAY_MILLIS
 */
public final class Target {

    public static void main(String[] args) throws IOException {
        String address = args[0];
        int trafficPort = Integer.parseInt(args[1]);
        int healthPort = Integer.parseInt(args[2]);
        long delayMillis = Long.parseLong(args[3]);
        // without it a response written as header and body waits out Nagle and delayed ACKs (40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] body = ("ok from " + address + "\n").getBytes(StandardCharsets.US_ASCII);

        HttpServer traffic = HttpServer.create(new InetSocketAddress(address, trafficPort), 1024);
        // sleeping handlers need threads of their own; fast ones run on few
        traffic.setExecutor(Executors.newFixedThreadPool(delayMillis > 0 ? 256 : 8));
        traffic.createContext("/", exchange -> {
            if (delayMillis > 0) {
                pause(delayMillis);
            }
            answer(exchange, body);
        });
        HttpServer health = HttpServer.create(new InetSocketAddress(address, healthPort), 64);
        health.createContext("/", exchange -> answer(exchange, "healthy\n".getBytes(StandardCharsets.US_ASCII)));
        traffic.start();
        health.start();
        System.out.println("target " + address + ":" + trafficPort + " (health " + healthPort + ", delay " + delayMillis
                + " ms) ready");
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
