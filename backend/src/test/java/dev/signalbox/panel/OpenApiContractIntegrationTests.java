package dev.signalbox.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.panel.support.contract.ContractValidator;
import dev.signalbox.panel.support.contract.ContractViolation;
import dev.signalbox.panel.support.contract.ContractViolationError;
import dev.signalbox.panel.support.contract.Exchange;
import dev.signalbox.panel.support.contract.OpenApiContract;
import dev.signalbox.panel.support.contract.OpenApiContract.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract check that every integration test goes through (ApiClient validates each exchange
 * against openapi.yaml) must itself catch what breaks the spec: real responses pass, broken copies
 * of them do not, and a violating exchange fails the test that made it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractIntegrationTests extends PanelIntegrationTest {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    private final ContractValidator validator = ContractValidator.shared();
    private ApiClient admin;
    private String loadBalancerPath;
    private ObjectNode loadBalancer;

    @BeforeAll
    void createALoadBalancer() {
        admin = signUp(uniqueSlug("contract"));
        String id = admin.post("/api/v1/load-balancers", "{\"name\":\"shop\"}").expectStatus(201).json().path("id").asString();
        loadBalancerPath = "/api/v1/load-balancers/" + id;
        loadBalancer = (ObjectNode) admin.get(loadBalancerPath).expectStatus(200).json();
    }

    @Test
    void aRealResponseFitsItsSchemaAndBrokenCopiesOfItDoNot() {
        assertThat(violations("GET", loadBalancerPath, null, 200, JSON, loadBalancer.toString())).isEmpty();

        assertThat(brokenLoadBalancer(lb -> lb.remove("dnsName"))).singleElement()
                .satisfies(v -> assertThat(v.where()).isEqualTo("response body /"))
                .satisfies(v -> assertThat(v.message()).contains("dnsName"));
        assertThat(brokenLoadBalancer(lb -> lb.put("id", "not-a-uuid"))).singleElement()
                .satisfies(v -> assertThat(v.where()).isEqualTo("response body /id"))
                .satisfies(v -> assertThat(v.message()).contains("uuid"));
        assertThat(brokenLoadBalancer(lb -> lb.put("createdAt", "yesterday"))).singleElement()
                .satisfies(v -> assertThat(v.where()).isEqualTo("response body /createdAt"))
                .satisfies(v -> assertThat(v.message()).contains("date-time"));
        assertThat(brokenLoadBalancer(lb -> lb.put("revision", "7"))).singleElement()
                .satisfies(v -> assertThat(v.where()).isEqualTo("response body /revision"));
        assertThat(brokenLoadBalancer(lb -> lb.putArray("nodes").addObject().put("nodeId", "n1")))
                .extracting(ContractViolation::where).containsOnly("response body /nodes/0");
    }

    @Test
    void enumsNullabilityAndClosedRequestSchemasAreChecked() {
        String listener = "{\"id\":\"" + UUID.randomUUID() + "\",\"protocol\":\"FTP\",\"port\":80,"
                + "\"defaultAction\":{\"type\":\"FORWARD\",\"targetGroupId\":\"" + UUID.randomUUID() + "\"}}";
        assertThat(violations("GET", loadBalancerPath + "/listeners/" + UUID.randomUUID(), null, 200, JSON,
                listener)).extracting(ContractViolation::where).containsExactly("response body /protocol");
        String page = "{\"items\":[],\"nextCursor\":null}";
        assertThat(violations("GET", "/api/v1/audit-events", null, 200, JSON, page)).as("nullable: true").isEmpty();
        assertThat(violations("GET", "/api/v1/audit-events", null, 200, JSON, "{\"items\":null}"))
                .extracting(ContractViolation::where).containsExactly("response body /items");

        String created = loadBalancer.toString();
        assertThat(violations("POST", "/api/v1/load-balancers", "{\"name\":\"ok\",\"extra\":1}", 201, JSON, created))
                .singleElement().satisfies(v -> assertThat(v.where()).isEqualTo("request body /"))
                .satisfies(v -> assertThat(v.message()).contains("extra"));
        assertThat(violations("GET", "/api/v1/load-balancers/not-a-uuid", null, 200, JSON, created))
                .extracting(ContractViolation::where).containsExactly("path parameter loadBalancerId");
        assertThat(violations("GET", "/api/v1/audit-events?limit=0&colour=red", null, 200, JSON, page))
                .extracting(ContractViolation::where).containsExactly("query parameter limit", "query parameter colour");
        assertThat(violations("POST", "/api/v1/load-balancers", "{\"name\":\"ok\",\"extra\":1}", 400, PROBLEM,
                problem(400))).as("an invalid request the panel rejects is what the bad-input tests send").isEmpty();
    }

    @Test
    void statusesContentTypesAndBodylessResponsesAreChecked() {
        assertThat(violations("GET", loadBalancerPath, null, 418, PROBLEM, problem(418)))
                .extracting(ContractViolation::where).containsExactly("status");
        assertThat(violations("GET", loadBalancerPath, null, 200, "text/html", "<html></html>"))
                .extracting(ContractViolation::where).containsExactly("response Content-Type");
        assertThat(violations("DELETE", loadBalancerPath, null, 204, JSON, "{}"))
                .extracting(ContractViolation::where).containsExactly("response body");
        assertThat(violations("GET", loadBalancerPath, null, 404, PROBLEM, "{\"type\":\"x\",\"status\":404}"))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("title"));
        assertThat(violations("POST", "/api/v1/load-balancers", "x".repeat(10), 415, PROBLEM, problem(415)))
                .as("x-common-responses").isEmpty();
        assertThat(violations("GET", "/api/v1/load-balancers", null, 415, PROBLEM, problem(415)))
                .as("no body, so no 415").extracting(ContractViolation::where).containsExactly("status");
        assertThat(violations("GET", "/api/v1/undocumented", null, 200, JSON, "{}"))
                .extracting(ContractViolation::where).contains("status", "operation");
        assertThat(violations("GET", "/api/v1/undocumented", null, 404, PROBLEM, problem(404))).isEmpty();
    }

    @Test
    void aViolatingExchangeFailsTheTestThatMadeIt() {
        assertThatThrownBy(() -> admin.get("/api/v1/load-balancers?colour=red"))
                .isInstanceOf(ContractViolationError.class)
                .hasMessageContaining("GET /api/v1/load-balancers?colour=red -> 200 (operation listLoadBalancers)")
                .hasMessageContaining("query parameter colour: is not declared for listLoadBalancers");
        admin.post("/api/v1/load-balancers", "{\"name\":\"Not A Label\"}").expectProblem(400);
    }

    @Test
    void theSpecDeclaresEveryPathParameterAndResolvesEveryReference() {
        OpenApiContract contract = validator.contract();
        for (Operation operation : contract.operations()) {
            assertThat(operation.id()).as("operationId of %s %s", operation.method(), operation.pathTemplate()).isNotBlank();
            List<String> declared = new ArrayList<>();
            operation.parameters().stream().filter(p -> p.node().path("in").asString("").equals("path"))
                    .forEach(p -> declared.add(p.node().path("name").asString("")));
            assertThat(declared).as("path parameters of %s", operation.id())
                    .containsExactlyInAnyOrderElementsOf(operation.pathParameterNames());
            assertThat(operation.node().node().path("responses").isEmpty()).as("responses of %s", operation.id()).isFalse();
        }
        List<String> dangling = new ArrayList<>();
        collectDanglingRefs(contract, contract.at("").node(), dangling);
        assertThat(dangling).as("$refs that point nowhere").isEmpty();
    }

    private List<ContractViolation> brokenLoadBalancer(Consumer<ObjectNode> breakIt) {
        ObjectNode copy = loadBalancer.deepCopy();
        breakIt.accept(copy);
        return violations("GET", loadBalancerPath, null, 200, JSON, copy.toString());
    }

    private List<ContractViolation> violations(String method, String path, @Nullable String requestBody, int status,
            String contentType, String responseBody) {
        Map<String, String> requestHeaders = requestBody == null ? Map.of() : Map.of("Content-Type", JSON);
        return validator.check(new Exchange(method, path, requestHeaders, requestBody, status,
                Map.of("Content-Type", List.of(contentType)), responseBody));
    }

    private static String problem(int status) {
        return "{\"type\":\"https://signalbox.dev/problems/x\",\"title\":\"X\",\"status\":" + status + "}";
    }

    private static void collectDanglingRefs(OpenApiContract contract, JsonNode node, List<String> dangling) {
        if (node.has("$ref")) {
            String ref = node.path("$ref").asString("");
            if (!ref.startsWith("#/") || contract.at(ref.substring(1)).node().isMissingNode()) {
                dangling.add(ref);
            }
        }
        node.values().forEach(child -> collectDanglingRefs(contract, child, dangling));
    }
}
