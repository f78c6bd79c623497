package dev.signalbox.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.panel.support.SampleBodies;
import dev.signalbox.panel.support.TenantResources;
import dev.signalbox.panel.support.contract.ContractValidator;
import dev.signalbox.panel.support.contract.OpenApiContract.Operation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of openapi.yaml, called by every kind of caller that must be refused (nobody, a
 * forged token, a session without the CSRF header, a viewer, a read-only token), answers with a
 * status the spec declares for it (ApiClient checks every exchange against the spec) and a 4xx
 * where the caller may not act — so the spec's 401 and 403 lists are complete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclaredStatusesIntegrationTests extends PanelIntegrationTest {

    /** Operations anybody may call, which have no caller to refuse (logOut too, but it needs CSRF with a session). */
    private static final Set<String> PUBLIC = Set.of("signUp", "logIn", "acceptInvitation");

    /** Not GET, but change nothing, so read access may call them (a plan only computes what a PUT would do). */
    private static final Set<String> READS_BY_POST = Set.of("planConfiguration");

    private TenantResources tenant;
    private String readToken;

    @BeforeAll
    void aTenantWithOneOfEverything() {
        String slug = uniqueSlug("statuses");
        ApiClient admin = signUp(slug);
        tenant = TenantResources.create(admin, slug);
        readToken = admin.post("/api/v1/tokens", "{\"name\":\"read\",\"scopes\":[\"read\"]}").expectStatus(201).json()
                .path("token").asString();
    }

    @TestFactory
    Stream<DynamicTest> nobodyIsRefusedWith401() {
        return walk("nobody", newClient(), op -> !op.id().equals("logOut"), 401);
    }

    @TestFactory
    Stream<DynamicTest> aForgedTokenIsRefusedWith401() {
        return walk("a forged token", newClient().withToken("sbx_forged0000000000000000000000000000"),
                op -> !op.id().equals("logOut"), 401);
    }

    @TestFactory
    Stream<DynamicTest> aSessionWithoutTheCsrfHeaderChangesNothing() {
        ApiClient session = signedIn().withoutCsrfHeader();
        return walk("a session without the CSRF header", session,
                op -> !op.method().equals("GET"), 403);
    }

    @TestFactory
    Stream<DynamicTest> aReadOnlyTokenChangesNothing() {
        return walk("a read-only token", newClient().withToken(readToken),
                op -> !op.method().equals("GET") && !op.id().equals("logOut") && !READS_BY_POST.contains(op.id()), 403);
    }

    @TestFactory
    Stream<DynamicTest> aViewerGetsOnlyDeclaredAnswers() {
        ApiClient viewer = addUser(tenant.client(), uniqueSlug("viewer") + "@example.com", "VIEWER");
        return walk("a viewer", viewer, op -> false, 0);
    }

    /**
     * Calls every non-public operation (logOut last, as it may end the session) as {@code caller};
     * those that {@code refused} selects must answer {@code status}, all others something declared.
     */
    private Stream<DynamicTest> walk(String callerName, ApiClient caller,
            Predicate<Operation> refused, int status) {
        List<Operation> operations = new ArrayList<>(ContractValidator.shared().contract().operations());
        operations.removeIf(op -> PUBLIC.contains(op.id()));
        operations.sort(Comparator.comparing(op -> op.id().equals("logOut")));
        return operations.stream().map(op -> DynamicTest.dynamicTest(op.id() + " as " + callerName, () -> {
            @Nullable String body = SampleBodies.forOperation(op.id(), tenant.ids()).orElse(null);
            ApiClient.Response response = caller.send(op.method(), tenant.fill(op.pathTemplate()), body,
                    body == null ? null : "application/json");
            assertThat(response.status()).as("%s as %s: %s", op.id(), callerName, response.body()).isLessThan(500);
            if (refused.test(op)) {
                response.expectProblem(status);
            }
        }));
    }

    private ApiClient signedIn() {
        ApiClient client = newClient();
        client.post("/api/v1/session", loginBody("admin@" + tenant.slug() + ".example", PASSWORD)).expectStatus(200);
        return client;
    }
}
