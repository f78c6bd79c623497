package dev.signalbox.node.tcp;

import static dev.signalbox.node.TestSnapshots.target;
import static dev.signalbox.node.TestSnapshots.withListeners;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.signalbox.embedded.FreePort;
import dev.signalbox.node.EchoConnection;
import dev.signalbox.node.NodeProperties;
import dev.signalbox.node.NodeTransport;
import dev.signalbox.node.TcpEchoTarget;
import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.metrics.MetricsRecorder;
import dev.signalbox.node.metrics.TrafficRegistry;
import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.ConfigChange;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * How TCP listeners let go of their connections, on real sockets: a binder proxying to a real echo
 * target, stopped as the node's shutdown stops it or released by a config change.
 */
class TcpListenerDrainIntegrationTests {

    private static TcpEchoTarget echo;
    private static NodeTransport transport;

    @TempDir
    static Path stateDir;

    private TcpListenerBinder binder;

    @BeforeAll
    static void startTarget() {
        echo = TcpEchoTarget.start("echo");
        transport = new NodeTransport(node());
    }

    @AfterAll
    static void stopTarget() {
        echo.close();
        transport.destroy();
    }

    @AfterEach
    void releaseBinder() {
        binder.releaseAll();
    }

    @Test
    void stopsAcceptingAtOnceAndClosesConnectionsStillOpenAfterTheDrainPeriod() throws Exception {
        int port = FreePort.pick();
        binder = binder(Duration.ofSeconds(2));
        binder.follow(config(tcpListener(UUID.randomUUID(), 1, port)));

        try (EchoConnection open = EchoConnection.open(port)) {
            assertThat(open.greeting()).isEqualTo("echo");
            CountDownLatch stopped = new CountDownLatch(1);

            binder.stop(stopped::countDown);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertRefused(port));
            assertThat(open.echo("still served while draining")).isEqualTo("still served while draining");
            assertThat(open.endsWithinTimeout()).as("closed once the drain period is over").isTrue();
            assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(binder.isRunning()).isFalse();
    }

    @Test
    void finishesStoppingAsSoonAsTheOpenConnectionsEnd() throws Exception {
        int port = FreePort.pick();
        binder = binder(Duration.ofMinutes(5));
        binder.follow(config(tcpListener(UUID.randomUUID(), 1, port)));
        CountDownLatch stopped = new CountDownLatch(1);

        try (EchoConnection open = EchoConnection.open(port)) {
            assertThat(open.greeting()).isEqualTo("echo");
            binder.stop(stopped::countDown);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertRefused(port));
            assertThat(stopped.getCount()).as("waiting for the open connection").isEqualTo(1);
        }

        // far sooner than the five minutes of drain period
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void releasesARemovedListenersPortAtOnceAndItsConnectionsAfterTheDrainPeriod() {
        int port = FreePort.pick();
        UUID id = UUID.randomUUID();
        binder = binder(Duration.ofSeconds(2));
        AppliedConfig withListener = config(tcpListener(id, 1, port));
        binder.follow(withListener);

        try (EchoConnection open = EchoConnection.open(port)) {
            assertThat(open.greeting()).isEqualTo("echo");

            binder.follow(withListener.apply(List.of(ConfigChange.update(withListeners(id, 2, List.of("tcp.acme.test"),
                    List.of(), ListenerProtocol.TCP, List.of(target(echo.host(), echo.port()))))), Instant.now()));

            assertThat(binder.boundPorts()).doesNotContain(port);
            assertRefused(port);
            assertThat(open.echo("draining")).isEqualTo("draining");
            assertThat(open.endsWithinTimeout()).as("closed once the drain period is over").isTrue();
        }
    }

    private static TcpListenerBinder binder(Duration drainTimeout) {
        var started = new TcpListenerBinder(GroupSelectorFactory.PLAIN, metrics(), node(), transport, drainTimeout);
        started.start();
        return started;
    }

    private static NodeProperties node() {
        return new NodeProperties("drain-test", Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
                "127.0.0.1", stateDir, 0);
    }

    /** Records into a registry that follows no config: the drain tests count nothing. */
    private static MetricsRecorder metrics() {
        return new MetricsRecorder(new TrafficRegistry(
                new ActiveConfig(event -> { }, Clock.systemUTC(), GroupSelectorFactory.PLAIN), new SimpleMeterRegistry()));
    }

    private static LoadBalancerSnapshot tcpListener(UUID id, long revision, int port) {
        return withListeners(id, revision, List.of("tcp.acme.test"), List.of(port), ListenerProtocol.TCP,
                List.of(target(echo.host(), echo.port())));
    }

    private static AppliedConfig config(LoadBalancerSnapshot snapshot) {
        return AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(snapshot)), Instant.now());
    }

    private static void assertRefused(int port) {
        assertThatThrownBy(() -> EchoConnection.open(port)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(ConnectException.class);
    }
}
