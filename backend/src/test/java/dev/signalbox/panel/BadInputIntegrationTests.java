package dev.signalbox.panel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.BadBodies;
import dev.signalbox.panel.support.BadBodies.BadBody;
import dev.signalbox.panel.support.Fixtures;
import dev.signalbox.panel.support.Fixtures.LoadBalancerSetup;
import dev.signalbox.panel.support.OpenApiOperations;
import dev.signalbox.panel.support.OpenApiOperations.Operation;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.panel.support.SampleBodies;
import dev.signalbox.panel.support.TestCertificate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives every operation of openapi.yaml with bad input: broken JSON, wrong types, out-of-range
 * values, huge strings, unknown fields, invalid ids, wrong media types and methods. Each must be a
 * 4xx problem+json; a 5xx or a success fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTests extends PanelIntegrationTest {

    private static final OpenApiOperations SPEC = OpenApiOperations.load(Path.of("../openapi.yaml"));

    private ApiClient admin;
    private ApiClient operatorClient;
    private LoadBalancerSetup setup;
    private String tokenId;
    private String userId;
    private String invitationId;
    private String ruleId;
    private String certificateId;

    @BeforeAll
    void createResources() {
        admin = signUp(uniqueSlug("bad-input"));
        setup = Fixtures.loadBalancerWithEverything(admin, "target", 8080);
        tokenId = admin.post("/api/v1/tokens", "{\"name\":\"t\",\"scopes\":[\"read\"]}").expectStatus(201).json()
                .path("id").asString();
        userId = admin.get("/api/v1/session").json().path("user").path("id").asString();
        invitationId = admin.post("/api/v1/invitations", "{\"email\":\"invited-" + uniqueSlug("x") + "@example.com\","
                + "\"role\":\"VIEWER\"}").expectStatus(201).json().path("id").asString();
        operatorClient = operator();
        ruleId = admin.post("/api/v1/load-balancers/" + setup.loadBalancerId() + "/listeners/" + setup.listenerId()
                + "/rules", "{\"priority\":1,\"action\":{\"type\":\"FIXED_RESPONSE\",\"fixedResponse\":{\"statusCode\":503}}}")
                .expectStatus(201).json().path("id").asString();
        certificateId = Fixtures.certificate(admin, "tls", TestCertificate.selfSigned("www.bad-input.example"));
    }

    @Test
    void everyOperationWithABodyHasAValidExampleToDeriveBadOnesFrom() {
        SPEC.operations().stream().filter(op -> op.requestSchema() != null)
                .forEach(op -> assertThat(SampleBodies.template(op.id())).as("valid body of %s in SampleBodies", op.id())
                        .isPresent());
    }

    @TestFactory
    Stream<DynamicTest> badBodies() {
        BadBodies derive = new BadBodies(SPEC);
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : SPEC.operations()) {
            if (op.requestSchema() == null) {
                continue;
            }
            String valid = validBody(op);
            String path = realPath(op.path());
            for (BadBody bad : derive.derive(valid, op.requestSchema())) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": " + bad.description(), () -> {
                    ApiClient.Response response = clientFor(op).send(op.method(), path, bad.body(), "application/json");
                    response.expectProblem(response.status() == 413 ? 413 : 400);
                    if (bad.pointer() != null) {
                        JsonNode errors = response.json().path("errors");
                        assertThat(errors).as("errors of %s", response.body()).isNotEmpty();
                        assertThat(errors.get(0).path("pointer").asString()).startsWith(bad.pointer());
                    }
                }));
            }
            for (String broken : List.of("{\"name\": ", "[]", "\"text\"", "42", "null", "{}{}", "", "{\"a\":1,\"a\":2}")) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": body " + (broken.isEmpty() ? "(empty)" : broken),
                        () -> clientFor(op).send(op.method(), path, broken, "application/json").expectProblem(400)));
            }
            tests.add(DynamicTest.dynamicTest(op.id() + ": text/plain", () ->
                    clientFor(op).send(op.method(), path, valid, "text/plain").expectProblem(415)));
            tests.add(DynamicTest.dynamicTest(op.id() + ": body over the size limit", () ->
                    clientFor(op).send(op.method(), path, "{\"name\":\"" + "a".repeat(300_000) + "\"}", "application/json")
                            .expectProblem(413)));
        }
        return tests.stream();
    }

    /** Operations that also read YAML get broken YAML: a 400 problem, never a 5xx. */
    @TestFactory
    Stream<DynamicTest> badYamlBodies() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : SPEC.operations()) {
            if (!op.mediaTypes().contains("application/yaml")) {
                continue;
            }
            String path = realPath(op.path());
            for (String broken : List.of("listeners: [\n  - port: : :", "- a\n- list", "plain text", "a: 1\na: 2",
                    "bogusField: 1", "listeners:\n  - port: \"80\"", "listeners: 12", "{\"json\": 1", "~")) {
                tests.add(DynamicTest.dynamicTest(op.id() + ": YAML " + broken.replace("\n", "\\n"), () ->
                        admin.send(op.method(), path, broken, "application/yaml").expectProblem(400)));
            }
        }
        assertThat(tests).as("some operation reads YAML").isNotEmpty();
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> invalidAndUnknownIds() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : SPEC.operations()) {
            String body = op.requestSchema() == null ? null : validBody(op);
            for (String param : pathParameters(op.path())) {
                List<String> unknown = SPEC.pathParameterType(param).equals("uuid")
                        ? List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%20", "1")
                        : List.of("not-a-number", "999999999", "-1", "1.5", "%20", "99999999999999999999999");
                for (String id : unknown) {
                    String path = realPath(op.path().replace("{" + param + "}", id));
                    tests.add(DynamicTest.dynamicTest(op.id() + ": " + param + "=" + id, () ->
                            admin.send(op.method(), path, body, "application/json").expectProblem(404)));
                }
            }
        }
        return tests.stream();
    }

    /** Paging parameters out of range or of the wrong type, foreign cursors, too long filters. */
    @TestFactory
    Stream<DynamicTest> badQueryParameters() {
        Map<String, List<String>> badValues = Map.ofEntries(
                Map.entry("limit", List.of("0", "201", "-1", "abc", "1.5", "99999999999999999999")),
                Map.entry("cursor", List.of("not-a-cursor", "%00", "MQ", "a".repeat(1025))),
                Map.entry("name", List.of("a".repeat(101))),
                Map.entry("namePrefix", List.of("a".repeat(101))),
                Map.entry("tag", List.of("no-value", "=value", "a".repeat(386), "k%00=v")),
                // the audit log's filters
                Map.entry("actor", List.of("a".repeat(255))),
                Map.entry("action", List.of("a".repeat(65))),
                Map.entry("resourceType", List.of("a".repeat(65))),
                Map.entry("resourceId", List.of("a".repeat(255))),
                Map.entry("from", List.of("yesterday", "2026-13-01T00:00:00Z")),
                Map.entry("to", List.of("tomorrow", "2026-01-01T25:00:00Z")),
                // traffic metrics: the window, and the group and target to narrow them to (a target needs its group)
                Map.entry("window", List.of("7m", "1d", "24H", "5m,1h", "-1h")),
                Map.entry("targetGroupId", List.of("not-a-uuid", "1", "00000000-0000-0000-0000-00000000000g")),
                Map.entry("targetId", List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000")));
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : SPEC.operations()) {
            for (String param : op.queryParameters()) {
                assertThat(badValues).as("bad values of query parameter %s", param).containsKey(param);
                for (String value : badValues.get(param)) {
                    String path = realPath(op.path()) + "?" + param + "=" + value;
                    tests.add(DynamicTest.dynamicTest(op.id() + ": " + param + "=" + abbreviate(value), () -> {
                        ApiClient.Response response = admin.send(op.method(), path, null, "application/json");
                        response.expectProblem(400);
                        assertThat(response.json().path("errors").get(0).path("pointer").asString())
                                .isEqualTo("/" + param);
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** Malformed conditional and idempotency headers are a 400 before anything happens. */
    @TestFactory
    Stream<DynamicTest> badHeaders() {
        Map<String, List<String>> badValues = Map.of(
                "If-Match", List.of("no-quotes", "\"unterminated", "W/", "\"a\" \"b\"", "\"" + "a".repeat(1100) + "\""),
                "Idempotency-Key", List.of("a".repeat(256), "with space"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : SPEC.operations()) {
            String body = op.requestSchema() == null ? null : validBody(op);
            for (String header : op.headers()) {
                assertThat(badValues).as("bad values of header %s", header).containsKey(header);
                for (String value : badValues.get(header)) {
                    tests.add(DynamicTest.dynamicTest(op.id() + ": " + header + ": " + abbreviate(value), () ->
                            admin.send(op.method(), realPath(op.path()), body, Map.of(header, value)).expectProblem(400)));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> unsupportedMethods() {
        return SPEC.operations().stream().map(Operation::path).distinct().map(path -> DynamicTest.dynamicTest(
                "PATCH " + path, () -> (path.startsWith("/api/v1/operator/") ? operatorClient : admin)
                        .send("PATCH", realPath(path), "{}", "application/json").expectProblem(405)));
    }

    @Test
    void unknownApiPathsAreNotFoundProblems() {
        admin.get("/api/v1/no-such-thing").expectProblem(404);
        admin.get("/api/v2/load-balancers").expectProblem(404);
    }

    /** Sign-up, login and accepting an invitation would switch the admin's session to another user if one ever succeeded. */
    private ApiClient clientFor(Operation op) {
        return op.id().equals("signUp") || op.id().equals("logIn") || op.id().equals("acceptInvitation") ? newClient()
                : admin;
    }

    /** The shared valid body of the operation, the base every bad body is derived from. */
    private String validBody(Operation op) {
        return SampleBodies.forOperation(op.id(), Map.of("targetGroupId", setup.targetGroupId(),
                "certificateId", certificateId)).orElseThrow();
    }

    private String realPath(String template) {
        return template.replace("{loadBalancerId}", setup.loadBalancerId())
                .replace("{targetGroupId}", setup.targetGroupId())
                .replace("{listenerId}", setup.listenerId())
                .replace("{targetId}", setup.targetId())
                .replace("{tokenId}", tokenId)
                .replace("{revision}", "1")
                .replace("{fromRevision}", "1")
                .replace("{toRevision}", "2")
                .replace("{userId}", userId)
                .replace("{invitationId}", invitationId)
                .replace("{ruleId}", ruleId)
                .replace("{certificateId}", certificateId);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
    }

    private static List<String> pathParameters(String path) {
        List<String> names = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.startsWith("{")) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return names;
    }

}
