package dev.signalbox.node.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.TargetProtocol;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.tcp.TcpClient;

/**
 * Runs one probe without blocking, on Reactor Netty's shared event loops: an HTTP(S) GET whose
 * status must match, or a TCP connect. Every probe opens its own connection, as ALB's do, so a
 * pooled connection cannot hide a target that stopped accepting new ones.
 */
final class HealthProber {

    private static final String USER_AGENT = "signalbox-health-checker";

    private final HttpClient http = HttpClient.newConnection()
            .headers(headers -> headers.set("User-Agent", USER_AGENT));
    // like ALB, probes do not validate the target's certificate: targets often use self-signed ones
    private final HttpClient https = http.secure(spec -> spec.sslContext(Http11SslContextSpec.forClient()
            .configure(builder -> builder.trustManager(InsecureTrustManagerFactory.INSTANCE))));
    private final TcpClient tcp = TcpClient.newConnection();
    private final Clock clock;
    private final LongSupplier nanoClock;

    HealthProber(Clock clock, LongSupplier nanoClock) {
        this.clock = clock;
        this.nanoClock = nanoClock;
    }

    /** A probe of {@code host}:{@code port}; it never fails, failures are outcomes. */
    Mono<ProbeResult> probe(HealthCheckSnapshot check, StatusCodeMatcher matcher, String host, int port) {
        return Mono.defer(() -> {
            Instant at = clock.instant();
            long start = nanoClock.getAsLong();
            Duration timeout = Duration.ofSeconds(Math.max(1, check.timeoutSeconds()));
            Mono<@Nullable Integer> status = check.protocol() == TargetProtocol.TCP
                    ? connect(host, port, timeout)
                    : get(check, host, port, timeout);
            return status
                    .map(code -> new ProbeResult(at, millisSince(start),
                            code == 0 || matcher.matches(code) ? ProbeOutcome.SUCCESS : ProbeOutcome.RESPONSE_CODE_MISMATCH,
                            code == 0 ? null : code))
                    .timeout(timeout)
                    .onErrorResume(error -> Mono.just(new ProbeResult(at, millisSince(start), outcomeOf(error), null)));
        });
    }

    /** Emits the response status. */
    private Mono<Integer> get(HealthCheckSnapshot check, String host, int port, Duration timeout) {
        String scheme = check.protocol() == TargetProtocol.HTTPS ? "https" : "http";
        String path = check.path().startsWith("/") ? check.path() : "/" + check.path();
        return (check.protocol() == TargetProtocol.HTTPS ? https : http)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .get()
                .uri(scheme + "://" + hostInUri(host) + ":" + port + path)
                .responseSingle((response, body) -> body.asByteArray()
                        .then(Mono.just(response.status().code())));
    }

    /** Emits 0 once connected: a TCP probe has no status. */
    private Mono<Integer> connect(String host, int port, Duration timeout) {
        return tcp.host(host)
                .port(port)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .connect()
                .map(connection -> {
                    connection.dispose();
                    return 0;
                });
    }

    private long millisSince(long startNanos) {
        return Duration.ofNanos(nanoClock.getAsLong() - startNanos).toMillis();
    }

    static ProbeOutcome outcomeOf(Throwable error) {
        if (error instanceof TimeoutException || error instanceof ConnectTimeoutException) {
            return ProbeOutcome.TIMEOUT;
        }
        return ProbeOutcome.CONNECTION_FAILED;
    }

    private static String hostInUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
