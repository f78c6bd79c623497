package dev.signalbox.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Sends requests to a node's ports with any Host header, as a browser resolving a load balancer's
 * host name to the node would. Runs on its own event loops, so closing a node never closes them.
 */
public final class ListenerClient implements AutoCloseable {

    /** Status, headers and body of a response. */
    public record Reply(int status, HttpHeaders headers, String body) {

        /** The name of the target that answered: the first word of a {@link TestTarget}'s body. */
        public String target() {
            return body.split(" ", 2)[0];
        }
    }

    private final LoopResources loops = LoopResources.create("listener-client", 1, true);
    private final ConnectionProvider connections = ConnectionProvider.newConnection();
    private final WebClient client = WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections).runOn(loops)))
            .build();

    public Reply get(int port, String host, String pathAndQuery) {
        return get(port, host, pathAndQuery, HttpHeaders.EMPTY);
    }

    /** A request carrying {@code headers} besides the Host header. */
    public Reply get(int port, String host, String pathAndQuery, HttpHeaders headers) {
        return client.get()
                .uri("http://127.0.0.1:" + port + pathAndQuery)
                .headers(all -> all.addAll(headers))
                .header(HttpHeaders.HOST, host)
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(body -> new Reply(response.statusCode().value(), response.headers().asHttpHeaders(), body)))
                .block(Duration.ofSeconds(10));
    }

    /** A request with {@code method} and, unless null, a plain-text body. */
    public Reply send(HttpMethod method, int port, String host, String pathAndQuery, @Nullable String body) {
        WebClient.RequestBodySpec request = client.method(method)
                .uri("http://127.0.0.1:" + port + pathAndQuery)
                .header(HttpHeaders.HOST, host);
        WebClient.RequestHeadersSpec<?> withBody = body == null ? request
                : request.contentType(MediaType.TEXT_PLAIN).bodyValue(body);
        return withBody.exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(text -> new Reply(response.statusCode().value(), response.headers().asHttpHeaders(), text)))
                .block(Duration.ofSeconds(10));
    }

    /** The targets that answered {@code count} requests in a row. */
    public List<String> targetsOf(int count, int port, String host) {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            targets.add(get(port, host, "/").target());
        }
        return targets;
    }

    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(5));
        loops.disposeLater().block(Duration.ofSeconds(5));
    }
}
