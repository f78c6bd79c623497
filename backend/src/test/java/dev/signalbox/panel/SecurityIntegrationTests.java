package dev.signalbox.panel;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.signalbox.panel.auth.Role;
import dev.signalbox.panel.auth.UserAccounts;
import dev.signalbox.panel.rowsecurity.RowScope;
import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.PanelIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityIntegrationTests extends PanelIntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutCredentialsTheApiAnswers401ProblemsButHealthAndSignupArePublic() {
        ApiClient anonymous = newClient();
        anonymous.get("/api/v1/load-balancers").expectProblem(401);
        anonymous.get("/api/v1/session").expectProblem(401);
        anonymous.post("/api/v1/load-balancers", "{\"name\":\"x\"}").expectProblem(401);
        anonymous.get("/api/v1/tokens").expectProblem(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        anonymous.get("/actuator/env").expectProblem(401);
    }

    @Test
    void signupStartsASessionWithAnHttpOnlyLaxCookieAndAReadableCsrfCookie() {
        String slug = uniqueSlug("cookies");
        ApiClient client = newClient();
        ApiClient.Response response = client.post("/api/v1/signup", signupBody(slug)).expectStatus(201);

        assertThat(response.json().path("user").path("role").asString()).isEqualTo("ADMIN");
        assertThat(response.json().path("tenant").path("slug").asString()).isEqualTo(slug);
        String session = response.setCookies().stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        String csrf = response.setCookies().stream().filter(c -> c.startsWith("XSRF-TOKEN=")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(csrf).doesNotContainIgnoringCase("HttpOnly");
        assertThat(client.get("/api/v1/session").expectStatus(200).json().path("user").path("email").asString())
                .isEqualTo("admin@" + slug + ".example");
    }

    @Test
    void cookieAuthenticatedChangesNeedTheCsrfHeader() {
        ApiClient client = signUp(uniqueSlug("csrf"));
        client.withoutCsrfHeader().post("/api/v1/load-balancers", "{\"name\":\"nope\"}").expectProblem(403);
        assertThat(client.get("/api/v1/load-balancers").json().path("items")).isEmpty();
    }

    @Test
    void loginChecksThePasswordAndLogoutEndsTheSession() {
        String slug = uniqueSlug("login");
        signUp(slug);
        ApiClient client = newClient();
        client.post("/api/v1/session", login(slug, "wrong password!!")).expectProblem(401);
        client.post("/api/v1/session", "{\"email\":\"nobody@nowhere.example\",\"password\":\"whatever-it-is\"}")
                .expectProblem(401);
        client.post("/api/v1/session", login(slug, PASSWORD)).expectStatus(200);
        client.get("/api/v1/session").expectStatus(200);

        client.delete("/api/v1/session").expectStatus(204);
        client.get("/api/v1/session").expectProblem(401);
    }

    @Test
    void duplicateTenantsAndEmailsAreConflicts() {
        String slug = uniqueSlug("dup");
        signUp(slug);
        newClient().post("/api/v1/signup", signupBody(slug)).expectProblem(409);
        String otherSlug = uniqueSlug("dup2");
        newClient().post("/api/v1/signup", signupBody(otherSlug).replace("admin@" + otherSlug, "ADMIN@" + slug))
                .expectProblem(409);
    }

    @Test
    void tokenScopesLimitWhatATokenMayDo() {
        ApiClient console = signUp(uniqueSlug("scopes"));
        ApiClient reader = console.withToken(createToken(console, "[\"read\"]").path("token").asString());
        ApiClient writer = console.withToken(createToken(console, "[\"write\"]").path("token").asString());

        reader.get("/api/v1/load-balancers").expectStatus(200);
        reader.post("/api/v1/load-balancers", "{\"name\":\"ro\"}").expectProblem(403);
        writer.post("/api/v1/load-balancers", "{\"name\":\"rw\"}").expectStatus(201);
        writer.get("/api/v1/load-balancers").expectStatus(200);
        writer.post("/api/v1/tokens", "{\"name\":\"minted\",\"scopes\":[\"write\"]}").expectProblem(403);
        console.withToken("sbx_not-a-real-token").get("/api/v1/load-balancers").expectProblem(401);
        console.withToken("sbx_" + "A".repeat(43)).get("/api/v1/load-balancers").expectProblem(401);

        JsonNode listed = console.get("/api/v1/tokens").expectStatus(200).json().path("items");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).has("token")).as("secrets are shown once only").isFalse();
        assertThat(listed).allSatisfy(token -> assertThat(token.path("lastUsedAt").asString("")).isNotEmpty());
    }

    @Test
    void revokedAndExpiredTokensAreRefused() {
        ApiClient console = signUp(uniqueSlug("revoke"));
        JsonNode revoked = createToken(console, "[\"read\"]");
        JsonNode expired = createToken(console, "[\"read\"]");
        ApiClient revokedClient = console.withToken(revoked.path("token").asString());
        revokedClient.get("/api/v1/load-balancers").expectStatus(200);

        console.delete("/api/v1/tokens/" + revoked.path("id").asString()).expectStatus(204);
        // the test reaches around the API, so it needs the system row scope like any cross-tenant code
        RowScope.system(() -> jdbc.sql("update api_tokens set expires_at = now() - interval '1 minute' where id = ?")
                .param(UUID.fromString(expired.path("id").asString())).update());

        revokedClient.get("/api/v1/load-balancers").expectProblem(401);
        console.withToken(expired.path("token").asString()).get("/api/v1/load-balancers").expectProblem(401);
        console.delete("/api/v1/tokens/" + UUID.randomUUID()).expectProblem(404);
    }

    @Test
    void viewersReadButNeverChangeConfigurationEvenWithAWriteToken() {
        String slug = uniqueSlug("viewer");
        ApiClient admin = signUp(slug);
        ApiClient viewer = signInNewViewer(admin, slug);

        viewer.get("/api/v1/load-balancers").expectStatus(200);
        viewer.post("/api/v1/load-balancers", "{\"name\":\"blocked\"}").expectProblem(403);
        ApiClient viewerToken = viewer.withToken(createToken(viewer, "[\"read\",\"write\"]").path("token").asString());
        viewerToken.post("/api/v1/load-balancers", "{\"name\":\"blocked\"}").expectProblem(403);
        assertThat(admin.get("/api/v1/load-balancers").json().path("items")).isEmpty();
    }

    @Test
    void viewersAndReadTokensMayPlanADocumentButNotApplyIt() {
        String slug = uniqueSlug("viewer-plan");
        ApiClient admin = signUp(slug);
        String configuration = "/api/v1/load-balancers/" + admin.post("/api/v1/load-balancers", "{\"name\":\"planned\"}")
                .expectStatus(201).json().path("id").asString() + "/configuration";
        JsonNode before = admin.get(configuration).expectStatus(200).json();
        String document = "{\"targetGroups\":[{\"name\":\"web\"}]}";
        ApiClient viewer = signInNewViewer(admin, slug);
        ApiClient readToken = admin.withToken(createToken(admin, "[\"read\"]").path("token").asString());

        for (ApiClient reader : List.of(viewer, readToken)) {
            assertThat(reader.post(configuration + "/plan", document).expectStatus(200).json().path("changes"))
                    .singleElement().satisfies(change -> assertThat(change.path("action").asString()).isEqualTo("add"));
            reader.send("PUT", configuration, document, "application/json").expectProblem(403);
        }
        assertThat(admin.get(configuration).json()).isEqualTo(before);
    }

    @Test
    void aDeleteAskingForJsonOnlyIsServed() {
        ApiClient client = signUp(uniqueSlug("accept"));
        String lbId = client.post("/api/v1/load-balancers", "{\"name\":\"accept\"}").expectStatus(201).json().path("id").asString();
        ApiClient.Response response = client.sendAccepting("DELETE", "/api/v1/load-balancers/" + lbId, "application/json");
        response.expectStatus(204);
    }

    /** A viewer of the admin's tenant, signed in to the console. */
    private ApiClient signInNewViewer(ApiClient admin, String slug) {
        UUID tenantId = UUID.fromString(admin.get("/api/v1/session").json().path("tenant").path("id").asString());
        RowScope.tenant(tenantId, () -> users.create(tenantId, "viewer@" + slug + ".example", "Viewer", PASSWORD,
                Role.VIEWER));
        ApiClient viewer = newClient();
        viewer.post("/api/v1/session", "{\"email\":\"viewer@" + slug + ".example\",\"password\":\"" + PASSWORD + "\"}")
                .expectStatus(200);
        return viewer;
    }

    private static JsonNode createToken(ApiClient console, String scopes) {
        return console.post("/api/v1/tokens", "{\"name\":\"token\",\"scopes\":" + scopes + ",\"expiresInDays\":7}")
                .expectStatus(201).json();
    }

    private static String signupBody(String slug) {
        return "{\"tenantSlug\":\"" + slug + "\",\"tenantName\":\"T\",\"email\":\"admin@" + slug
                + ".example\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Admin\"}";
    }

    private static String login(String slug, String password) {
        return "{\"email\":\"admin@" + slug + ".example\",\"password\":\"" + password + "\"}";
    }
}
