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
        UUID canary = UUID.randomUUID();
        var healthCheck = new HealthCheckSnapshot(TargetProtocol.HTTP, "/health", null, 30, 5, 5, 2, "200");
        var targets = List.of(
                new TargetSnapshot(UUID.randomUUID(), "10.0.0.1", 8080, 1),
                new TargetSnapshot(UUID.randomUUID(), "app.internal", 8081, 3));
        var canaryRule = new RuleSnapshot(UUID.randomUUID(), 10,
                List.of(new ConditionSnapshot("http-header", "X-Canary", List.of("on")),
                        new ConditionSnapshot("query-string", null, List.of(),
                                List.of(new QueryStringPair("v", "2*"), new QueryStringPair(null, "beta")))),
                ActionSnapshot.forward(List.of(new WeightedTargetGroup(group, 90), new WeightedTargetGroup(canary, 10)),
                        3600));
        var redirectRule = new RuleSnapshot(UUID.randomUUID(), 20,
                List.of(new ConditionSnapshot("path-pattern", null, List.of("/old/*"))),
                ActionSnapshot.redirect(new RedirectSnapshot(301, "HTTPS", "#{host}", "443", "/new/#{path}", "#{query}")));
        var fixedRule = new RuleSnapshot(UUID.randomUUID(), 30,
                List.of(new ConditionSnapshot("source-ip", null, List.of("10.0.0.0/8", "2001:db8::/32"))),
                ActionSnapshot.fixedResponse(new FixedResponseSnapshot(503, "text/plain", "maintenance")));
        var listener = new ListenerSnapshot(UUID.randomUUID(), ListenerProtocol.HTTPS, 8443,
                ActionSnapshot.forward(group), List.of(canaryRule, redirectRule, fixedRule),
                "Signalbox-TLS13-1-2-2026-01", List.of(UUID.randomUUID()));
        var attributes = new TargetGroupAttributesSnapshot(60, 30, new StickinessSnapshot(true, "lb_cookie", 600),
                2, 2000, 30);
        return new LoadBalancerSnapshot(LoadBalancerSnapshot.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                "web", 7, List.of("web.acme.lb.localhost", "www.acme.test"), List.of(listener),
                List.of(new TargetGroupSnapshot(group, "app", TargetProtocol.HTTP, Algorithm.CONSISTENT_HASH,
                                healthCheck, targets, 8080, new HashKeySnapshot(HashKeyType.COOKIE, "session"), attributes),
                        new TargetGroupSnapshot(canary, "canary", TargetProtocol.HTTP, Algorithm.ROUND_ROBIN,
                                healthCheck, List.of())),
                Instant.parse("2026-11-27T10:15:30.123Z"), Map.of("team", "shop", "env", "prod"));
    }

    @Test
    void snapshotSurvivesARoundTrip() {
        LoadBalancerSnapshot snapshot = sampleSnapshot();

        assertThat(codec.decodeSnapshot(codec.encode(snapshot))).isEqualTo(snapshot);
    }

    static CertificateSnapshot sampleCertificate() {
        UUID id = UUID.randomUUID();
        var cipher = new DataPlaneCipher(Map.of("2026-11", DataPlaneCipherTests.key(3)));
        return new CertificateSnapshot(CertificateSnapshot.SCHEMA_VERSION, id, UUID.randomUUID(), 4,
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
                cipher.seal(id, "-----BEGIN PRIVATE KEY-----\nMC4C\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII)),
                List.of("shop.acme.test", "*.shop.acme.test"), Instant.parse("2027-02-01T00:00:00Z"));
    }

    @Test
    void certificateSurvivesARoundTripWithItsKeyStillSealed() {
        CertificateSnapshot certificate = sampleCertificate();

        byte[] json = codec.encode(certificate);

        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("PRIVATE KEY")
                .contains("\"keyId\":\"2026-11\"");
        assertThat(codec.decodeCertificate(json)).isEqualTo(certificate);
    }

    @Test
    void aCertificateReaderIgnoresFieldsOfANewerSchemaVersion() {
        CertificateSnapshot certificate = sampleCertificate();
        String json = new String(codec.encode(certificate), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"ocspStaple\":\"AAEC\",")
                .replace("\"keyId\":", "\"algorithm\":\"AES-256-GCM-SIV\",\"keyId\":")
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        CertificateSnapshot decoded = codec.decodeCertificate(json.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.schemaVersion()).isEqualTo(2);
        assertThat(decoded.privateKey()).isEqualTo(certificate.privateKey());
        assertThat(decoded.hostNames()).containsExactly("shop.acme.test", "*.shop.acme.test");
    }

    @Test
    void aCertificateWithoutItsPrivateKeyIsNotAValidSnapshot() {
        String json = new String(codec.encode(sampleCertificate()), StandardCharsets.UTF_8)
                .replaceFirst("\"privateKey\":\\{[^}]*\\}", "\"privateKey\":null");

        assertThatThrownBy(() -> codec.decodeCertificate(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("CertificateSnapshot");
    }

    @Test
    void nodeStatusSurvivesARoundTrip() {
        var status = new NodeStatus(NodeStatus.SCHEMA_VERSION, "node-a", "0.1.0", Instant.parse("2026-11-27T10:15:31Z"),
                List.of(8000, 8443),
                Map.of(UUID.randomUUID(), new AppliedRevision(7, Instant.parse("2026-11-27T10:15:30.300Z"))));

        assertThat(codec.decodeNodeStatus(codec.encode(status))).isEqualTo(status);
    }

    @Test
    void targetHealthReportSurvivesARoundTrip() {
        var probes = List.of(
                new ProbeSnapshot(Instant.parse("2026-11-27T10:15:00Z"), 3, true, null, 200),
                new ProbeSnapshot(Instant.parse("2026-11-27T10:15:05Z"), 5000, false, "Target.Timeout", null));
        var report = new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, "node-a",
                Instant.parse("2026-11-27T10:15:06Z"),
                List.of(new TargetHealthStatus(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "10.0.0.1",
                        8080, TargetHealthState.UNHEALTHY, "Target.Timeout", Instant.parse("2026-11-27T10:15:05Z"),
                        Instant.parse("2026-11-27T10:15:35Z"), probes)), List.of(UUID.randomUUID()));

        assertThat(codec.decodeTargetHealthReport(codec.encode(report))).isEqualTo(report);
    }

    @Test
    void aPartialTargetHealthReportSaysSoAndOneFromBeforePartialReportsIsComplete() {
        var partial = new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, "node-a",
                Instant.parse("2026-11-27T10:15:06Z"), List.of(), List.of(), true);
        String withoutTheField = "{\"schemaVersion\":1,\"nodeId\":\"node-a\",\"sentAt\":\"2026-11-27T10:15:06Z\","
                + "\"targets\":[],\"panicGroups\":[]}";

        assertThat(codec.decodeTargetHealthReport(codec.encode(partial)).partial()).isTrue();
        assertThat(codec.decodeTargetHealthReport(withoutTheField.getBytes(StandardCharsets.UTF_8)).partial())
                .isFalse();
    }

    @Test
    void aTargetHealthStateNewerThanTheReaderIsUnknown() {
        var report = new TargetHealthReport(TargetHealthReport.SCHEMA_VERSION, "node-a", Instant.now(),
                List.of(new TargetHealthStatus(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "10.0.0.1",
                        8080, TargetHealthState.DRAINING, "Target.DeregistrationInProgress", Instant.now(), null,
                        List.of())));
        String json = new String(codec.encode(report), StandardCharsets.UTF_8).replace("\"DRAINING\"", "\"HIBERNATING\"");

        TargetHealthReport decoded = codec.decodeTargetHealthReport(json.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.targets().get(0).state()).isEqualTo(TargetHealthState.UNKNOWN);
    }

    @Test
    void metricsReportSurvivesARoundTrip() {
        List<Long> latencies = new java.util.ArrayList<>(java.util.Collections.nCopies(LatencyBuckets.COUNT, 0L));
        latencies.set(LatencyBuckets.indexOf(3), 40L);
        var report = new MetricsReport(MetricsReport.SCHEMA_VERSION, "node-a", Instant.parse("2026-11-27T10:15:00Z"),
                Instant.parse("2026-11-27T10:15:05Z"),
                List.of(new TrafficWindow(UUID.randomUUID(), UUID.randomUUID(), null, 40, 0, 38, 0, 1, 1, 4_000,
                        12_000, 2, latencies)));

        assertThat(codec.decodeMetricsReport(codec.encode(report))).isEqualTo(report);
    }

    @Test
    void latenciesFallIntoTheBucketOfTheirUpperBound() {
        assertThat(LatencyBuckets.indexOf(0)).isZero();
        assertThat(LatencyBuckets.indexOf(1)).isZero();
        assertThat(LatencyBuckets.indexOf(2)).isEqualTo(1);
        assertThat(LatencyBuckets.indexOf(3)).isEqualTo(2);
        assertThat(LatencyBuckets.indexOf(10_000)).isEqualTo(LatencyBuckets.COUNT - 2);
        assertThat(LatencyBuckets.indexOf(10_001)).isEqualTo(LatencyBuckets.COUNT - 1);
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
    void aSnapshotOfTheFirstReleaseReadsWithTheDefaultsOfTheFieldsAddedSince() {
        String firstRelease = """
                {"schemaVersion":1,"id":"6f1c8a52-3f0e-4c1e-9a57-6d1e2b3c4d5e","tenantId":"0b7f6d10-7c4e-4d39-8f0a-2a4b5c6d7e8f",
                 "name":"web","revision":3,"hostNames":["web.acme.lb.localhost"],
                 "listeners":[{"id":"1a2b3c4d-0000-4000-8000-000000000001","protocol":"HTTP","port":8000,
                   "defaultAction":{"type":"FORWARD","targetGroups":[{"targetGroupId":"1a2b3c4d-0000-4000-8000-000000000002","weight":1}]},
                   "rules":[]}],
                 "targetGroups":[{"id":"1a2b3c4d-0000-4000-8000-000000000002","name":"app","protocol":"HTTP",
                   "algorithm":"ROUND_ROBIN","healthCheck":{"protocol":"HTTP","path":"/","port":null,"intervalSeconds":30,
                   "timeoutSeconds":5,"healthyThreshold":5,"unhealthyThreshold":2,"matcher":"200"},"targets":[]}],
                 "createdAt":"2026-11-27T10:15:30Z"}
                """;

        LoadBalancerSnapshot decoded = codec.decodeSnapshot(firstRelease.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.tags()).isEmpty();
        ListenerSnapshot listener = decoded.listeners().get(0);
        assertThat(listener.certificateIds()).isEmpty();
        assertThat(listener.tlsPolicy()).isNull();
        assertThat(listener.defaultAction().stickinessSeconds()).isNull();
        assertThat(listener.defaultAction().redirect()).isNull();
        TargetGroupSnapshot group = decoded.targetGroups().get(0);
        assertThat(group.attributes()).isEqualTo(TargetGroupAttributesSnapshot.DEFAULTS);
        assertThat(group.hashKey()).isNull();
        assertThat(group.port()).isZero();
    }

    @Test
    void enumValuesNewerThanTheReaderFallBackInsteadOfFailingTheSnapshot() {
        String json = new String(codec.encode(sampleSnapshot()), StandardCharsets.UTF_8)
                .replace("\"CONSISTENT_HASH\"", "\"SOME_FUTURE_ALGORITHM\"")
                .replace("\"REDIRECT\"", "\"SOME_FUTURE_ACTION\"")
                .replace("\"HTTPS\",\"port\":8443", "\"QUIC\",\"port\":8443")
                .replace("\"COOKIE\"", "\"SOME_FUTURE_KEY\"");

        LoadBalancerSnapshot decoded = codec.decodeSnapshot(json.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.targetGroups().get(0).algorithm()).isEqualTo(Algorithm.ROUND_ROBIN);
        assertThat(decoded.targetGroups().get(0).hashKey().type()).isEqualTo(HashKeyType.SOURCE_IP);
        assertThat(decoded.listeners().get(0).protocol()).isEqualTo(ListenerProtocol.UNKNOWN);
        assertThat(decoded.listeners().get(0).rules().get(1).action().type()).isEqualTo(ActionType.UNKNOWN);
    }

    @Test
    void tagsAreEncodedInKeyOrderSoEqualConfigurationsGiveEqualBytes() {
        LoadBalancerSnapshot snapshot = sampleSnapshot();
        String json = new String(codec.encode(snapshot), StandardCharsets.UTF_8);

        assertThat(json).contains("\"tags\":{\"env\":\"prod\",\"team\":\"shop\"}");
    }

    @Test
    void garbageIsAProtocolExceptionThatQuotesTheInput() {
        assertThatThrownBy(() -> codec.decodeSnapshot("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not json");
    }
}
