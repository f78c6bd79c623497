package dev.signalbox.panel.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.Fixtures;
import dev.signalbox.panel.support.PanelIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AuditIntegrationTests extends PanelIntegrationTest {

    @Test
    void securityEventsAreAuditedWithActorSourceAddressAndChanges() {
        String slug = uniqueSlug("audit-sec");
        ApiClient admin = signUp(slug);
        String adminEmail = "admin@" + slug + ".example";
        newClient().post("/api/v1/session", loginBody(adminEmail, "wrong password!!")).expectProblem(401);
        ApiClient again = newClient();
        again.post("/api/v1/session", loginBody(adminEmail, PASSWORD)).expectStatus(200);
        again.delete("/api/v1/session").expectStatus(204);
        JsonNode token = admin.post("/api/v1/tokens", "{\"name\":\"deploy\",\"scopes\":[\"write\"]}").expectStatus(201).json();
        admin.delete("/api/v1/tokens/" + token.path("id").asString()).expectStatus(204);
        ApiClient member = addUser(admin, "member@" + slug + ".example", "VIEWER");
        String memberId = member.get("/api/v1/session").json().path("user").path("id").asString();
        admin.send("PUT", "/api/v1/users/" + memberId + "/role", "{\"role\":\"EDITOR\"}", "application/json").expectStatus(200);
        String revokedInvitation = admin.post("/api/v1/invitations", "{\"email\":\"gone@" + slug + ".example\",\"role\":\"VIEWER\"}")
                .expectStatus(201).json().path("id").asString();
        admin.delete("/api/v1/invitations/" + revokedInvitation).expectStatus(204);
        admin.delete("/api/v1/users/" + memberId).expectStatus(204);

        List<JsonNode> events = all(admin, "");
        assertThat(events).extracting(e -> e.path("action").asString()).containsExactly(
                "user.removed", "invitation.revoked", "invitation.sent", "user.role-changed", "invitation.accepted",
                "invitation.sent", "token.revoked", "token.created", "session.logout", "session.login",
                "session.login-failed", "tenant.signed-up");
        assertThat(events).allSatisfy(e -> assertThat(e.path("sourceAddress").asString()).isEqualTo("127.0.0.1"));
        JsonNode failed = only(events, "session.login-failed");
        assertThat(failed.path("actor").asString()).isEqualTo(adminEmail);
        JsonNode roleChange = only(events, "user.role-changed");
        assertThat(roleChange.path("actor").asString()).isEqualTo(adminEmail);
        assertThat(roleChange.path("resourceId").asString()).isEqualTo(memberId);
        assertThat(roleChange.path("changes").get(0).path("pointer").asString()).isEqualTo("/role");
        assertThat(roleChange.path("changes").get(0).path("before").asString()).isEqualTo("VIEWER");
        assertThat(roleChange.path("changes").get(0).path("after").asString()).isEqualTo("EDITOR");
        assertThat(only(events, "invitation.accepted").path("actor").asString()).isEqualTo("member@" + slug + ".example");
        JsonNode created = only(events, "token.created");
        assertThat(created.path("resourceId").asString()).isEqualTo(token.path("id").asString());
        assertThat(created.path("changes")).extracting(c -> c.path("pointer").asString()).contains("/name", "/scopes");
    }

    @Test
    void configurationChangesCarryABeforeAfterDiffOfTheLoadBalancer() {
        ApiClient admin = signUp(uniqueSlug("audit-cfg"));
        Fixtures.LoadBalancerSetup setup = Fixtures.loadBalancerWithEverything(admin, "audited", 8080);
        String targets = "/api/v1/load-balancers/" + setup.loadBalancerId() + "/target-groups/" + setup.targetGroupId()
                + "/targets";
        admin.post(targets, "{\"targets\":[{\"host\":\"127.0.0.1\",\"port\":9001,\"weight\":7}]}").expectStatus(200);
        JsonNode ci = admin.post("/api/v1/tokens", "{\"name\":\"pipeline\",\"scopes\":[\"write\"]}").expectStatus(201).json();
        admin.withToken(ci.path("token").asString()).delete(targets + "/" + setup.targetId()).expectStatus(204);
        admin.delete("/api/v1/load-balancers/" + setup.loadBalancerId()).expectStatus(204);

        List<JsonNode> events = all(admin, "?resourceType=load-balancer&resourceId=" + setup.loadBalancerId());
        assertThat(events).extracting(e -> e.path("action").asString()).startsWith("load-balancer.deleted", "config.revised")
                .endsWith("config.revised").hasSizeGreaterThanOrEqualTo(6);
        String weightPointer = "/targetGroups/" + setup.targetGroupId() + "/targets/" + setup.targetId() + "/weight";
        JsonNode reweighted = events.stream().filter(e -> e.path("changes").toString().contains(weightPointer))
                .findFirst().orElseThrow(() -> new AssertionError("no diff names " + weightPointer + " in " + events));
        JsonNode weight = StreamSupport.stream(reweighted.path("changes").spliterator(), false)
                .filter(c -> c.path("pointer").asString().equals(weightPointer)).findFirst().orElseThrow();
        assertThat(weight.path("before").asInt()).isEqualTo(1);
        assertThat(weight.path("after").asInt()).isEqualTo(7);

        JsonNode deregistered = events.get(1);
        assertThat(deregistered.path("actor").asString()).contains("pipeline").contains(ci.path("id").asString());
        assertThat(deregistered.path("actorTokenId").asString()).isEqualTo(ci.path("id").asString());
        assertThat(deregistered.path("changes").toString())
                .contains("/targetGroups/" + setup.targetGroupId() + "/targets/" + setup.targetId());
        assertThat(all(admin, "?actor=" + ci.path("id").asString())).hasSize(1);
        assertThat(events.get(0).path("changes").toString()).contains("\"pointer\":\"/name\"");
    }

    @Test
    void filtersAndCursorPagesWalkTheLogNewestFirst() {
        String slug = uniqueSlug("audit-page");
        ApiClient admin = signUp(slug);
        for (int i = 0; i < 5; i++) {
            admin.post("/api/v1/load-balancers", "{\"name\":\"lb-" + i + "\"}").expectStatus(201);
        }
        JsonNode first = admin.get("/api/v1/audit-events?action=config.revised&limit=2").expectStatus(200).json();
        assertThat(first.path("items")).hasSize(2);
        List<Long> ids = new ArrayList<>();
        JsonNode page = first;
        int pages = 0;
        while (pages++ < 10) {
            page.path("items").forEach(item -> ids.add(Long.parseLong(item.path("id").asString())));
            if (page.path("nextCursor").isMissingNode() || page.path("nextCursor").isNull()) {
                break;
            }
            page = admin.get("/api/v1/audit-events?action=config.revised&limit=2&cursor=" + page.path("nextCursor").asString())
                    .expectStatus(200).json();
        }
        assertThat(ids).hasSize(5).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(admin.get("/api/v1/audit-events?actor=ADMIN@" + slug + ".example&action=tenant.signed-up").json()
                .path("items")).hasSize(1);
        assertThat(admin.get("/api/v1/audit-events?to=2000-01-01T00:00:00Z").json().path("items")).isEmpty();
        assertThat(admin.get("/api/v1/audit-events?from=2000-01-01T00:00:00Z&limit=200").json().path("items")).hasSize(6);
        admin.get("/api/v1/audit-events?cursor=bogus").expectProblem(400);
        admin.get("/api/v1/audit-events?limit=0").expectProblem(400);
        admin.get("/api/v1/audit-events?limit=201").expectProblem(400);
        admin.get("/api/v1/audit-events?from=yesterday").expectProblem(400);
    }

    @Test
    void aTenantSeesOnlyItsOwnEvents() {
        ApiClient mine = signUp(uniqueSlug("audit-mine"));
        ApiClient theirs = signUp(uniqueSlug("audit-theirs"));
        String theirLb = theirs.post("/api/v1/load-balancers", "{\"name\":\"secret\"}").expectStatus(201).json()
                .path("id").asString();
        assertThat(mine.get("/api/v1/audit-events?resourceId=" + theirLb).json().path("items")).isEmpty();
        assertThat(all(mine, "")).extracting(e -> e.path("action").asString()).containsExactly("tenant.signed-up");
        assertThat(mine.get("/api/v1/audit-events?limit=200").body()).doesNotContain(theirLb).doesNotContain("secret");
    }

    private static List<JsonNode> all(ApiClient client, String query) {
        JsonNode items = client.get("/api/v1/audit-events" + (query.isEmpty() ? "?" : query + "&") + "limit=200")
                .expectStatus(200).json().path("items");
        List<JsonNode> events = new ArrayList<>();
        items.forEach(events::add);
        return events;
    }

    private static JsonNode only(List<JsonNode> events, String action) {
        List<JsonNode> matching = events.stream().filter(e -> e.path("action").asString().equals(action)).toList();
        assertThat(matching).as("events %s", action).hasSize(1);
        return matching.get(0);
    }
}
