package dev.signalbox.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --no-node}: the services and the panel run, nothing else, so a gateway node of one's own
 * (the benchmark's, pinned to a core) is the only one reading the config topic.
 */
class LocalStackWithoutNodeIntegrationTests {

    private static LocalStack stack;
    private static PrintStream childOutput;

    @BeforeAll
    static void startStack() throws IOException {
        Path home = Path.of(System.getProperty("signalbox.devstack.home", ".."));
        Path logFile = Path.of("target", "local-stack-without-node-it.log");
        Files.createDirectories(logFile.getParent());
        childOutput = new PrintStream(new FileOutputStream(logFile.toFile(), true), true, StandardCharsets.UTF_8);
        stack = new LocalStack(StackPorts.free(), home, childOutput, LaunchOptions.parse("--no-node")).start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (childOutput != null) {
            childOutput.close();
        }
    }

    @Test
    void thePanelServesTheApiAndKafkaAcceptsConnections() throws IOException {
        TenantApi tenant = TenantApi.signUp(stack.panelUrl(), "own-node");
        var lb = tenant.loadBalancer("web");
        assertThat(lb.dnsName()).isEqualTo("web.own-node." + stack.baseDomain());

        assertThat(accepts(stack.kafka().port())).isTrue();
    }

    @Test
    void neitherANodeNorDemoTargetsRun() {
        assertThatThrownBy(stack::node).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(stack::targets).isInstanceOf(IllegalStateException.class);
        assertThat(accepts(stack.ports().nodeAdmin())).isFalse();
        assertThat(accepts(stack.ports().target1())).isFalse();
        assertThat(accepts(stack.ports().target2())).isFalse();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
