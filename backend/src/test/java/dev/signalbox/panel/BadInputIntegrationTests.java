package dev.signalbox.panel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.BadBodies;
import dev.signalbox.panel.support.BadBodies.BadBody;
import dev.signalbox.panel.support.OpenApiOperations;
import dev.signalbox.panel.support.OpenApiOperations.Operation;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.panel.support.SampleBodies;
import dev.signalbox.panel.support.TenantResources;
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
    /** One resource of each kind a path parameter names; valid bodies come from SampleBodies. */
    private TenantResources resources;

    @BeforeAll
    void createResources() {
        String slug = uniqueSlug("bad-input");
        admin = signUp(slug);
        resources = TenantResources.create(admin, slug);
        operatorClient = operator();
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

    @TestFactory
    Stream<DynamicTest> invalidAndUnknownIds() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : SPEC.operations()) {
            String body = op.requestSchema() == null ? null : validBody(op);
            for (String param : pathParameters(op.path())) {
                for (String id : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%20", "1")) {
                    String path = realPath(op.path().replace("{" + param + "}", id));
                    tests.add(DynamicTest.dynamicTest(op.id() + ": " + param + "=" + id, () ->
                            admin.send(op.method(), path, body, "application/json").expectProblem(404)));
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

    private String validBody(Operation op) {
        return SampleBodies.forOperation(op.id(), resources.ids()).orElseThrow();
    }

    private String realPath(String template) {
        return resources.fill(template);
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
