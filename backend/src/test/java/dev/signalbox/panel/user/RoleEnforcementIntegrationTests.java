package dev.signalbox.panel.user;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.PanelIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What each role may do, and that a token never does more than its user's role allows right now. */
class RoleEnforcementIntegrationTests extends PanelIntegrationTest {

    @Test
    void adminsManagePeopleEditorsChangeConfigurationViewersRead() {
        String slug = uniqueSlug("roles");
        ApiClient admin = signUp(slug);
        ApiClient editor = addUser(admin, "editor@" + slug + ".example", "EDITOR");
        ApiClient viewer = addUser(admin, "viewer@" + slug + ".example", "VIEWER");
        String viewerId = viewer.get("/api/v1/session").json().path("user").path("id").asString();

        for (ApiClient notAdmin : new ApiClient[] {editor, viewer}) {
            notAdmin.get("/api/v1/users").expectProblem(403);
            notAdmin.get("/api/v1/invitations").expectProblem(403);
            notAdmin.get("/api/v1/tenant-tokens").expectProblem(403);
            notAdmin.post("/api/v1/invitations", "{\"email\":\"x@" + slug + ".example\",\"role\":\"ADMIN\"}").expectProblem(403);
            notAdmin.send("PUT", "/api/v1/users/" + viewerId + "/role", "{\"role\":\"ADMIN\"}", "application/json")
                    .expectProblem(403);
            notAdmin.delete("/api/v1/users/" + viewerId).expectProblem(403);
        }
        editor.post("/api/v1/load-balancers", "{\"name\":\"by-editor\"}").expectStatus(201);
        viewer.post("/api/v1/load-balancers", "{\"name\":\"by-viewer\"}").expectProblem(403);
        viewer.get("/api/v1/load-balancers").expectStatus(200);
        editor.get("/api/v1/audit-events").expectStatus(200);
        viewer.get("/api/v1/audit-events").expectProblem(403);
        admin.get("/api/v1/audit-events").expectStatus(200);

        // an admin's read-only token reads the people but changes nothing
        ApiClient adminReader = admin.withToken(token(admin, "[\"read\"]").path("token").asString());
        adminReader.get("/api/v1/users").expectStatus(200);
        adminReader.send("PUT", "/api/v1/users/" + viewerId + "/role", "{\"role\":\"EDITOR\"}", "application/json")
                .expectProblem(403);
        assertThat(admin.get("/api/v1/users").json().path("items")).hasSize(3);
    }

    @Test
    void theLastAdminCanNeitherBeDemotedNorRemoved() {
        String slug = uniqueSlug("last-admin");
        ApiClient admin = signUp(slug);
        String adminId = admin.get("/api/v1/session").json().path("user").path("id").asString();

        admin.send("PUT", "/api/v1/users/" + adminId + "/role", "{\"role\":\"EDITOR\"}", "application/json")
                .expectProblem(409);
        admin.delete("/api/v1/users/" + adminId).expectProblem(409);

        ApiClient second = addUser(admin, "second@" + slug + ".example", "EDITOR");
        String secondId = second.get("/api/v1/session").json().path("user").path("id").asString();
        admin.send("PUT", "/api/v1/users/" + secondId + "/role", "{\"role\":\"ADMIN\"}", "application/json")
                .expectStatus(200);
        admin.send("PUT", "/api/v1/users/" + adminId + "/role", "{\"role\":\"VIEWER\"}", "application/json")
                .expectStatus(200);
        assertThat(admin.get("/api/v1/session").json().path("user").path("role").asString())
                .as("the session narrows at once").isEqualTo("VIEWER");
        admin.get("/api/v1/users").expectProblem(403);
        second.send("PUT", "/api/v1/users/" + secondId + "/role", "{\"role\":\"EDITOR\"}", "application/json")
                .expectProblem(409);
        second.delete("/api/v1/users/" + adminId).expectStatus(204);
        admin.get("/api/v1/session").expectProblem(401);
        second.delete("/api/v1/users/" + secondId).expectProblem(409);
    }

    @Test
    void demotionNarrowsTokensAtOnceAndRemovalStopsThem() {
        String slug = uniqueSlug("narrow");
        ApiClient admin = signUp(slug);
        ApiClient editor = addUser(admin, "ci@" + slug + ".example", "EDITOR");
        String editorId = editor.get("/api/v1/session").json().path("user").path("id").asString();
        JsonNode created = token(editor, "[\"read\",\"write\"]");
        ApiClient ci = editor.withToken(created.path("token").asString());
        ci.post("/api/v1/load-balancers", "{\"name\":\"before\"}").expectStatus(201);

        admin.send("PUT", "/api/v1/users/" + editorId + "/role", "{\"role\":\"VIEWER\"}", "application/json")
                .expectStatus(200);
        ci.post("/api/v1/load-balancers", "{\"name\":\"after\"}").expectProblem(403);
        editor.post("/api/v1/load-balancers", "{\"name\":\"after\"}").expectProblem(403);
        ci.get("/api/v1/load-balancers").expectStatus(200);

        JsonNode tenantTokens = admin.get("/api/v1/tenant-tokens").expectStatus(200).json().path("items");
        assertThat(tenantTokens).hasSize(1);
        assertThat(tenantTokens.get(0).path("ownerEmail").asString()).isEqualTo("ci@" + slug + ".example");

        admin.delete("/api/v1/users/" + editorId).expectStatus(204);
        ci.get("/api/v1/load-balancers").expectProblem(401);
        editor.get("/api/v1/load-balancers").expectProblem(401);
        assertThat(admin.get("/api/v1/tenant-tokens").json().path("items")).isEmpty();
    }

    @Test
    void adminsRevokeAnyTokenOfTheirTenant() {
        String slug = uniqueSlug("tenant-tokens");
        ApiClient admin = signUp(slug);
        ApiClient editor = addUser(admin, "dev@" + slug + ".example", "EDITOR");
        JsonNode created = token(editor, "[\"read\"]");
        ApiClient ci = editor.withToken(created.path("token").asString());
        ci.get("/api/v1/load-balancers").expectStatus(200);

        editor.delete("/api/v1/tenant-tokens/" + created.path("id").asString()).expectProblem(403);
        admin.delete("/api/v1/tenant-tokens/" + created.path("id").asString()).expectStatus(204);
        ci.get("/api/v1/load-balancers").expectProblem(401);
        assertThat(editor.get("/api/v1/tokens").json().path("items")).isEmpty();
    }

    private static JsonNode token(ApiClient console, String scopes) {
        return console.post("/api/v1/tokens", "{\"name\":\"ci\",\"scopes\":" + scopes + "}").expectStatus(201).json();
    }
}
