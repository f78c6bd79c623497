package dev.signalbox.panel.user;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.Mailbox;
import dev.signalbox.panel.support.PanelIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationIntegrationTests extends PanelIntegrationTest {

    @Test
    void anInvitationIsMailedWithAWorkingOneTimeLinkThatCreatesTheUserWithItsRole() {
        String slug = uniqueSlug("invite");
        ApiClient admin = signUp(slug);
        String email = "editor@" + slug + ".example";

        JsonNode invitation = admin.post("/api/v1/invitations", "{\"email\":\"" + email.toUpperCase() + "\",\"role\":\"EDITOR\"}")
                .expectStatus(201).json();
        assertThat(invitation.path("email").asString()).isEqualTo(email);
        assertThat(invitation.has("token")).as("the secret travels by e-mail only").isFalse();
        assertThat(admin.get("/api/v1/invitations").json().path("items")).hasSize(1);

        Mailbox.Mail mail = Mailbox.latestTo(email, Duration.ofSeconds(10)).orElseThrow();
        assertThat(mail.subject()).contains("Tenant " + slug);
        Mailbox.AcceptLink link = mail.acceptLink().orElseThrow();
        assertThat(link.page()).isEqualTo("http://127.0.0.1:" + port + "/accept-invitation");
        ApiClient.Response page = newClient().sendAccepting("GET", link.page().substring(("http://127.0.0.1:" + port).length()),
                "text/html");
        assertThat(page.status()).as("the link opens the console").isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");

        ApiClient invitee = newClient();
        JsonNode session = invitee.post("/api/v1/invitations/accept", accept(link.token())).expectStatus(201).json();
        assertThat(session.path("user").path("role").asString()).isEqualTo("EDITOR");
        assertThat(session.path("tenant").path("slug").asString()).isEqualTo(slug);
        assertThat(invitee.get("/api/v1/session").expectStatus(200).json().path("user").path("email").asString())
                .isEqualTo(email);
        newClient().post("/api/v1/session", loginBody(email, PASSWORD)).expectStatus(200);

        newClient().post("/api/v1/invitations/accept", accept(link.token())).expectProblem(404);
        assertThat(admin.get("/api/v1/invitations").json().path("items")).isEmpty();
        assertThat(admin.get("/api/v1/users").expectStatus(200).json().path("items"))
                .extracting(user -> user.path("email").asString())
                .containsExactly("admin@" + slug + ".example", email);
    }

    @Test
    void revokedReplacedAndUnknownInvitationsDoNotWork() {
        String slug = uniqueSlug("revoke-inv");
        ApiClient admin = signUp(slug);
        String email = "late@" + slug + ".example";
        admin.post("/api/v1/invitations", "{\"email\":\"" + email + "\",\"role\":\"VIEWER\"}").expectStatus(201);
        String first = Mailbox.latestTo(email, Duration.ofSeconds(10)).flatMap(Mailbox.Mail::acceptLink).orElseThrow().token();
        JsonNode second = admin.post("/api/v1/invitations", "{\"email\":\"" + email + "\",\"role\":\"ADMIN\"}")
                .expectStatus(201).json();
        String secondToken = Mailbox.latestTo(email, Duration.ofSeconds(10)).flatMap(Mailbox.Mail::acceptLink).orElseThrow()
                .token();
        assertThat(secondToken).isNotEqualTo(first);

        newClient().post("/api/v1/invitations/accept", accept(first)).expectProblem(404);
        admin.delete("/api/v1/invitations/" + second.path("id").asString()).expectStatus(204);
        newClient().post("/api/v1/invitations/accept", accept(secondToken)).expectProblem(404);
        newClient().post("/api/v1/invitations/accept", accept("not-a-real-invitation-secret")).expectProblem(404);
        admin.delete("/api/v1/invitations/" + second.path("id").asString()).expectProblem(404);
    }

    @Test
    void existingUsersCannotBeInvitedAgain() {
        String slug = uniqueSlug("dup-inv");
        ApiClient admin = signUp(slug);
        admin.post("/api/v1/invitations", "{\"email\":\"admin@" + slug + ".example\",\"role\":\"VIEWER\"}").expectProblem(409);
        operator();
        admin.post("/api/v1/invitations", "{\"email\":\"" + OPERATOR_EMAIL + "\",\"role\":\"VIEWER\"}").expectProblem(409);
    }

    @Test
    void anInvitationWithAnIdempotencyKeyIsSentOnceAndStillChecksEveryTenantsUsers() {
        String slug = uniqueSlug("idem-inv");
        ApiClient admin = signUp(slug);
        String body = "{\"email\":\"idem-" + slug + "@example.com\",\"role\":\"VIEWER\"}";
        String first = admin.send("POST", "/api/v1/invitations", body, "application/json",
                Map.of("Idempotency-Key", "invite-" + slug)).expectStatus(201).json().path("id").asString();
        String retried = admin.send("POST", "/api/v1/invitations", body, "application/json",
                Map.of("Idempotency-Key", "invite-" + slug)).expectStatus(201).json().path("id").asString();
        assertThat(retried).isEqualTo(first);
        admin.send("POST", "/api/v1/invitations", "{\"email\":\"admin@" + slug + ".example\",\"role\":\"VIEWER\"}",
                "application/json", Map.of("Idempotency-Key", "existing-" + slug)).expectProblem(409);
    }

    private static String accept(String token) {
        return "{\"token\":\"" + token + "\",\"displayName\":\"Invitee\",\"password\":\"" + PASSWORD + "\"}";
    }
}
