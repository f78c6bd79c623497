package dev.signalbox.panel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.panel.support.SampleBodies;
import dev.signalbox.panel.support.TenantReads;
import dev.signalbox.panel.support.TenantResources;
import dev.signalbox.panel.support.contract.ContractValidator;
import dev.signalbox.panel.support.contract.OpenApiContract;
import dev.signalbox.panel.support.contract.OpenApiContract.Located;
import dev.signalbox.panel.support.contract.OpenApiContract.Operation;

import static dev.signalbox.panel.support.ParameterSamples.HEADERS;
import static dev.signalbox.panel.support.ParameterSamples.QUERIES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of openapi.yaml, read at test time, as tenant A (the intruder) against the
 * resource ids of tenant B (the owner): each must answer 404 problem+json, leak none of B's ids or
 * names, and leave everything B can read unchanged. A new operation is walked as soon as it is in
 * the spec; the walk fails, naming it, while it lacks a fixture (TenantResources.PATH_PARAMETERS,
 * SampleBodies, ParameterSamples) or an explicit exemption here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIntegrationTests extends PanelIntegrationTest {

    private static final OpenApiContract SPEC = ContractValidator.shared().contract();

    /** Operations the walk leaves out, each with why. */
    private static final Map<String, String> EXEMPT = Map.of(
            "signUp", "public: creates a new tenant from nothing and takes no ids",
            "logIn", "public: signs in by e-mail and password and takes no ids",
            "acceptInvitation", "public: the invitation's secret is its only key (InvitationIntegrationTests tries wrong ones)",
            "logOut", "ends the caller's own session and takes no ids (walking it would sign tenant A out)");

    /** Platform-operator views: the operator sees every tenant by design; anybody else must get 404. */
    private static final Set<String> OPERATOR_ONLY = Set.of("listAllTenants", "listNodes");

    private TenantResources owner;
    private TenantResources intruder;
    private TenantReads ownerReads;
    private Map<String, String> ownerState;

    @BeforeAll
    void twoTenantsWithOneOfEverything() {
        String ownerSlug = uniqueSlug("owner");
        owner = TenantResources.create(signUp(ownerSlug), ownerSlug);
        String intruderSlug = uniqueSlug("intruder");
        intruder = TenantResources.create(signUp(intruderSlug), intruderSlug);
        List<Operation> reads = SPEC.operations().stream().filter(op -> op.method().equals("GET"))
                .filter(op -> !EXEMPT.containsKey(op.id()) && !OPERATOR_ONLY.contains(op.id()) && gapsOf(op).isEmpty())
                .toList();
        ownerReads = new TenantReads(owner, reads, QUERIES);
        ownerState = ownerReads.takeSettled(Duration.ofSeconds(10));
    }

    @Test
    void everyOperationIsWalkedOrExemptWithAReason() {
        List<String> gaps = new ArrayList<>();
        SPEC.operations().stream().filter(op -> !EXEMPT.containsKey(op.id())).forEach(op -> gaps.addAll(gapsOf(op)));
        Stream.of(EXEMPT.keySet(), OPERATOR_ONLY, QUERIES.keySet()).flatMap(Set::stream)
                .filter(id -> SPEC.operations().stream().noneMatch(op -> op.id().equals(id)))
                .forEach(id -> gaps.add(id + ": listed in the isolation test but not an operation of openapi.yaml"));
        assertThat(gaps).as("operations the isolation walk cannot cover: add the fixture or exempt them with a reason")
                .isEmpty();
    }

    @Test
    void tenantBReadsEverythingTheWalkUsesSoA404MeansScopedNotMissing() {
        assertThat(ownerState).isNotEmpty().allSatisfy((read, answer) -> assertThat(answer).as(read).startsWith("200 "));
    }

    @TestFactory
    Stream<DynamicTest> tenantAGetsNothingOfTenantB() {
        return SPEC.operations().stream().filter(op -> !EXEMPT.containsKey(op.id())).map(op -> DynamicTest.dynamicTest(
                op.id() + " (" + op.method() + " " + op.pathTemplate() + ")", () -> walk(op)));
    }

    private void walk(Operation op) {
        assertThat(gapsOf(op)).as("fixtures the walk of %s needs", op.id()).isEmpty();
        List<String> changed;
        try {
            callAsIntruder(op);
        } finally {
            // taken even when a call failed, so a change is blamed on the operation that made it
            Map<String, String> after = ownerReads.take();
            if (!after.equals(ownerState)) {
                after = ownerReads.takeSettled(Duration.ofSeconds(2));
            }
            changed = TenantReads.differences(ownerState, after);
            ownerState = after;
        }
        assertThat(changed).as("what tenant A's calls of %s changed in tenant B", op.id()).isEmpty();
    }

    private void callAsIntruder(Operation op) {
        List<String> pathParameters = op.pathParameterNames();
        if (OPERATOR_ONLY.contains(op.id())) {
            call(op, "a tenant's admin", owner.ids(), owner.ids()).expectProblem(404);
            return;
        }
        if (pathParameters.isEmpty()) {
            // lists, the session, creating in A's own tenant: nothing of B may show up
            ApiClient.Response response = call(op, "B's ids in body and query", intruder.ids(), owner.ids());
            assertThat(response.status()).as("%s answered %s", op.id(), response.body()).isLessThan(500);
            if (response.status() >= 300) {
                response.expectProblem(clientErrorIn(response, 400, 404, 409, 422));
            }
            return;
        }
        call(op, "all of B's ids", owner.ids(), owner.ids()).expectProblem(404);
        for (int own = 1; own < pathParameters.size(); own++) {
            Map<String, String> mixed = new HashMap<>(owner.ids());
            pathParameters.subList(0, own).forEach(name -> mixed.put(name, intruder.id(name)));
            boolean bNamesSomething = pathParameters.subList(own, pathParameters.size()).stream()
                    .anyMatch(name -> !owner.id(name).equals(intruder.id(name)));
            if (bNamesSomething) {
                call(op, "A's " + pathParameters.subList(0, own) + " with B's others", mixed, mixed).expectProblem(404);
            }
        }
        if (bodyNamesOwnersResources(op)) {
            // refused, or done without touching B's resources (a success may not refer to them: see call)
            ApiClient.Response response = call(op, "A's own path, B's ids in the body", intruder.ids(), owner.ids());
            if (response.status() >= 300) {
                response.expectProblem(clientErrorIn(response, 400, 404, 409, 422));
            }
        }
    }

    /** Sends {@code op} as tenant A with {@code pathIds} in the path and {@code bodyIds} in body and query. */
    private ApiClient.Response call(Operation op, String variant, Map<String, String> pathIds, Map<String, String> bodyIds) {
        String path = TenantResources.fill(op.pathTemplate(), pathIds);
        String query = QUERIES.containsKey(op.id()) ? "?" + TenantResources.fill(QUERIES.get(op.id()), bodyIds) : "";
        @Nullable String body = SampleBodies.forOperation(op.id(), bodyIds).orElse(null);
        // header values (e.g. the If-Match ETag) are those the holder of the path's resource would send: A's for
        // A's own path, else B's, so only scoping (not a stale tag) can refuse the call
        TenantResources holder = pathIds.equals(intruder.ids()) ? intruder : owner;
        Map<String, String> headers = new LinkedHashMap<>();
        headerParameters(op).forEach(name -> headers.put(name,
                HEADERS.get(name).value(holder, TenantResources.fill(op.pathTemplate(), holder.ids()))));
        ApiClient.Response response = intruder.client().send(op.method(), path + query, body,
                body == null ? null : "application/json", headers);
        // a refusal may echo what A sent (a problem's instance and detail name the path); anything else of B's
        // is a leak, and so is a success that refers to B's resources at all
        String sent = path + query + body + headers.values();
        boolean refused = response.status() >= 400;
        String seen = response.body() + " " + response.raw().headers().map();
        for (String secret : ownerSecrets().stream().filter(secret -> !(refused && sent.contains(secret))).toList()) {
            assertThat(seen).as("%s with %s leaks %s of tenant B", op.id(), variant, secret).doesNotContain(secret);
        }
        return response;
    }

    /** What only tenant B has: the ids that differ from A's, and its slug (which names its load balancer too). */
    private List<String> ownerSecrets() {
        List<String> secrets = new ArrayList<>();
        owner.ids().forEach((name, id) -> {
            if (!id.equals(intruder.ids().get(name))) {
                secrets.add(id);
            }
        });
        secrets.add(owner.slug());
        return secrets;
    }

    /** Whether the operation's sample body refers to resources by id (so B's ids can be slipped in). */
    private boolean bodyNamesOwnersResources(Operation op) {
        return !SampleBodies.forOperation(op.id(), owner.ids()).equals(SampleBodies.forOperation(op.id(), intruder.ids()));
    }

    /** The response's status if it is one of {@code allowed}, else the first (so the assertion names what came). */
    private static int clientErrorIn(ApiClient.Response response, int... allowed) {
        for (int status : allowed) {
            if (response.status() == status) {
                return status;
            }
        }
        return allowed[0];
    }

    private static List<String> headerParameters(Operation op) {
        return op.parameters().stream().filter(p -> p.node().path("in").asString("").equals("header"))
                .map(p -> p.node().path("name").asString("")).toList();
    }

    /** Why the walk could not cover {@code op}: missing fixtures or listings, each naming the operation. */
    private static List<String> gapsOf(Operation op) {
        List<String> gaps = new ArrayList<>();
        op.pathParameterNames().stream().filter(name -> TenantResources.fixtureOf(name).isEmpty()).forEach(name -> gaps.add(
                op.id() + ": no fixture for path parameter {" + name + "} in TenantResources.PATH_PARAMETERS"));
        if (op.hasRequestBody() && SampleBodies.template(op.id()).isEmpty()) {
            gaps.add(op.id() + ": no sample request body in SampleBodies");
        }
        for (Located parameter : op.parameters()) {
            String name = parameter.node().path("name").asString("");
            String in = parameter.node().path("in").asString("");
            boolean required = parameter.node().path("required").asBoolean(false);
            if (in.equals("header") && !HEADERS.containsKey(name)) {
                gaps.add(op.id() + ": no sample for header " + name + " in ParameterSamples.HEADERS");
            }
            if (in.equals("query") && required && !QUERIES.getOrDefault(op.id(), "").contains(name + "=")) {
                gaps.add(op.id() + ": no sample for required query parameter " + name + " in ParameterSamples.QUERIES");
            }
        }
        if (op.pathTemplate().startsWith(SPEC.prefix() + "/operator/") && !OPERATOR_ONLY.contains(op.id())) {
            gaps.add(op.id() + ": an operator path, but not in OPERATOR_ONLY");
        }
        return gaps;
    }
}
