package dev.signalbox.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoTargetsTests {

    @Test
    void eachTargetGreetsWithItsNumberAndAnswersHealthChecks() throws Exception {
        try (DemoTargets targets = DemoTargets.start(0, 0)) {
            ListenerClient first = new ListenerClient(targets.port(1), Duration.ofSeconds(5));
            ListenerClient second = new ListenerClient(targets.port(2), Duration.ofSeconds(5));

            assertThat(first.get("demo.acme.lb.localhost", "/")).isEqualTo(new ListenerClient.Reply(200, "Hello from target 1\n"));
            assertThat(second.get("anything", "/some/path")).isEqualTo(new ListenerClient.Reply(200, "Hello from target 2\n"));
            assertThat(first.get("127.0.0.1", "/health").status()).isEqualTo(200);
        }
    }
}
