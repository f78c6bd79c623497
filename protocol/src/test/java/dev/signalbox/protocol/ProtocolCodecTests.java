package dev.signalbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ProtocolCodecTests {

    private final ProtocolCodec codec = new ProtocolCodec();

    static LoadBalancerSnapshot sampleSnapshot() {
        UUID group = UUID.randomUUID();
        var healthCheck = new HealthCheckSnapshot(TargetProtocol.HTTP, "/health", null, 30, 5, 5, 2, "200");
        var targets = List.of(
                new TargetSnapshot(UUID.randomUUID(), "10.0.0.1", 8080, 1),
                new TargetSnapshot(UUID.randomUUID(), "app.internal", 8081, 3));
        var rule = new RuleSnapshot(UUID.randomUUID(), 10,
                List.of(new ConditionSnapshot("http-header", "X-Canary", List.of("on"))),
                ActionSnapshot.forward(group));
        var listener = new ListenerSnapshot(UUID.randomUUID(), ListenerProtocol.HTTP, 8000,
                ActionSnapshot.forward(group), List.of(rule));
        return new LoadBalancerSnapshot(LoadBalancerSnapshot.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                "web", 7, List.of("web.acme.lb.localhost", "www.acme.test"), List.of(listener),
                List.of(new TargetGroupSnapshot(group, "app", TargetProtocol.HTTP, Algorithm.ROUND_ROBIN,
                        healthCheck, targets)),
                Instant.parse("2026-11-27T10:15:30.123Z"));
    }

    @Test
    void snapshotSurvivesARoundTrip() {
        LoadBalancerSnapshot snapshot = sampleSnapshot();

        assertThat(codec.decodeSnapshot(codec.encode(snapshot))).isEqualTo(snapshot);
    }

    @Test
    void nodeStatusSurvivesARoundTrip() {
        var status = new NodeStatus(NodeStatus.SCHEMA_VERSION, "node-a", "0.1.0", Instant.parse("2026-11-27T10:15:31Z"),
                List.of(8000, 8443),
                Map.of(UUID.randomUUID(), new AppliedRevision(7, Instant.parse("2026-11-27T10:15:30.300Z"))));

        assertThat(codec.decodeNodeStatus(codec.encode(status))).isEqualTo(status);
    }

    @Test
    void aReaderIgnoresFieldsOfANewerSchemaVersion() {
        String json = new String(codec.encode(sampleSnapshot()), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"futureField\":{\"nested\":[1,2]},")
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        LoadBalancerSnapshot decoded = codec.decodeSnapshot(json.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.schemaVersion()).isEqualTo(2);
        assertThat(decoded.targetGroups().get(0).targets()).hasSize(2);
    }

    @Test
    void garbageIsAProtocolExceptionThatQuotesTheInput() {
        assertThatThrownBy(() -> codec.decodeSnapshot("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not json");
    }
}
