package dev.signalbox.panel;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.Fixtures;
import dev.signalbox.panel.support.Fixtures.LoadBalancerSetup;
import dev.signalbox.panel.support.PanelIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class TenantIsolationScenarioIntegrationTests extends PanelIntegrationTest {

    @Test
    void anotherTenantsResourcesDoNotExistForAnyEndpoint() {
        ApiClient owner = signUp(uniqueSlug("owner"));
        LoadBalancerSetup theirs = Fixtures.loadBalancerWithEverything(owner, "private", 8080);
        String theirToken = owner.post("/api/v1/tokens", "{\"name\":\"t\",\"scopes\":[\"read\"]}").expectStatus(201)
                .json().path("id").asString();
        long revisionBefore = owner.get("/api/v1/load-balancers/" + theirs.loadBalancerId()).json().path("revision")
                .asLong();

        String ownerId = owner.get("/api/v1/session").json().path("user").path("id").asString();
        String theirInvitation = owner.post("/api/v1/invitations", "{\"email\":\"" + uniqueSlug("invitee")
                + "@example.com\",\"role\":\"VIEWER\"}").expectStatus(201).json().path("id").asString();

        ApiClient intruder = signUp(uniqueSlug("intruder"));
        LoadBalancerSetup mine = Fixtures.loadBalancerWithEverything(intruder, "mine", 8080);
        String lb = "/api/v1/load-balancers/" + theirs.loadBalancerId();
        String tg = lb + "/target-groups/" + theirs.targetGroupId();
        String listenerBody = "{\"protocol\":\"HTTP\",\"port\":9999,\"defaultAction\":{\"type\":\"FORWARD\",\"targetGroupId\":\""
                + theirs.targetGroupId() + "\"}}";
        String targetsBody = "{\"targets\":[{\"host\":\"10.0.0.1\",\"port\":80}]}";
        String listenerPath = lb + "/listeners/" + theirs.listenerId();
        String theirRule = owner.post(listenerPath + "/rules", "{\"priority\":5,\"action\":{\"type\":\"FORWARD\","
                + "\"targetGroupId\":\"" + theirs.targetGroupId() + "\"}}").expectStatus(201).json().path("id").asString();
        owner.send("PUT", lb, "{\"tags\":[{\"key\":\"team\",\"value\":\"secret\"}]}", "application/json")
                .expectStatus(200);
        revisionBefore = owner.get(lb).json().path("revision").asLong();
        String ruleBody = "{\"priority\":9,\"action\":{\"type\":\"FIXED_RESPONSE\",\"fixedResponse\":{\"statusCode\":200}}}";
        String myListenerPath = "/api/v1/load-balancers/" + mine.loadBalancerId() + "/listeners/" + mine.listenerId();

        record Call(String method, String path, String body) {
        }
        List<Call> calls = List.of(
                new Call("GET", lb, null),
                new Call("DELETE", lb, null),
                new Call("GET", lb + "/listeners", null),
                new Call("POST", lb + "/listeners", listenerBody),
                new Call("GET", lb + "/listeners/" + theirs.listenerId(), null),
                new Call("DELETE", lb + "/listeners/" + theirs.listenerId(), null),
                new Call("GET", lb + "/target-groups", null),
                new Call("POST", lb + "/target-groups", "{\"name\":\"sneaky\"}"),
                new Call("GET", tg, null),
                new Call("DELETE", tg, null),
                new Call("GET", tg + "/targets", null),
                new Call("POST", tg + "/targets", targetsBody),
                new Call("DELETE", tg + "/targets/" + theirs.targetId(), null),
                new Call("GET", tg + "/targets/" + theirs.targetId(), null),
                new Call("GET", lb + "/revisions", null),
                new Call("GET", lb + "/revisions/1", null),
                new Call("GET", lb + "/revisions/1/diff/2", null),
                new Call("POST", lb + "/revisions/1/rollback", null),
                // their ids under my own load balancer
                new Call("GET", "/api/v1/load-balancers/" + mine.loadBalancerId() + "/listeners/" + theirs.listenerId(), null),
                new Call("GET", "/api/v1/load-balancers/" + mine.loadBalancerId() + "/target-groups/" + theirs.targetGroupId(), null),
                new Call("DELETE", "/api/v1/load-balancers/" + mine.loadBalancerId() + "/target-groups/" + theirs.targetGroupId(), null),
                new Call("DELETE", "/api/v1/load-balancers/" + mine.loadBalancerId() + "/target-groups/" + mine.targetGroupId()
                        + "/targets/" + theirs.targetId(), null),
                new Call("GET", "/api/v1/load-balancers/" + mine.loadBalancerId() + "/target-groups/" + mine.targetGroupId()
                        + "/targets/" + theirs.targetId(), null),
                new Call("DELETE", "/api/v1/tokens/" + theirToken, null),
                // identity: their users, invitations and tokens
                new Call("PUT", "/api/v1/users/" + ownerId + "/role", "{\"role\":\"VIEWER\"}"),
                new Call("DELETE", "/api/v1/users/" + ownerId, null),
                new Call("DELETE", "/api/v1/invitations/" + theirInvitation, null),
                new Call("DELETE", "/api/v1/tenant-tokens/" + theirToken, null),
                new Call("PUT", lb, "{\"hostNames\":[\"stolen.example.com\"]}"),
                new Call("PUT", listenerPath, listenerBody),
                new Call("PUT", tg, "{\"name\":\"web\"}"),
                new Call("POST", tg + "/targets/deregister", targetsBody),
                new Call("GET", listenerPath + "/rules", null),
                new Call("POST", listenerPath + "/rules", ruleBody),
                new Call("GET", listenerPath + "/rules/" + theirRule, null),
                new Call("PUT", listenerPath + "/rules/" + theirRule, ruleBody),
                new Call("DELETE", listenerPath + "/rules/" + theirRule, null),
                // their rule under my own listener
                new Call("GET", myListenerPath + "/rules/" + theirRule, null),
                new Call("PUT", myListenerPath + "/rules/" + theirRule, ruleBody),
                new Call("DELETE", myListenerPath + "/rules/" + theirRule, null),
                // declarative configuration of their load balancer
                new Call("GET", lb + "/configuration", null),
                new Call("PUT", lb + "/configuration", "{\"targetGroups\":[{\"name\":\"sneaky\"}]}"),
                new Call("POST", lb + "/configuration/plan", "{\"targetGroups\":[{\"name\":\"sneaky\"}]}"));
        for (Call call : calls) {
            intruder.send(call.method(), call.path(), call.body(), "application/json").expectProblem(404);
            // neither a precondition nor an idempotency key may tell that their resource exists
            Map<String, String> headers = call.method().equals("GET") ? Map.of("If-None-Match", "*")
                    : call.method().equals("POST") ? Map.of("Idempotency-Key", "k-" + call.path(), "If-Match", "*")
                    : Map.of("If-Match", "*");
            intruder.send(call.method(), call.path(), call.body(), headers).expectProblem(404);
        }
        // a list filtered or paged by the intruder shows only the intruder's own
        assertThat(intruder.get("/api/v1/load-balancers?name=private").json().path("items")).isEmpty();
        assertThat(intruder.get("/api/v1/load-balancers?namePrefix=pri").json().path("items")).isEmpty();
        assertThat(intruder.get("/api/v1/load-balancers?tag=team=secret").json().path("items")).isEmpty();

        // nor can a document of mine name their target group, and applying mine never touches theirs
        intruder.send("PUT", "/api/v1/load-balancers/" + mine.loadBalancerId() + "/configuration",
                "{\"listeners\":[{\"port\":8080,\"protocol\":\"HTTP\",\"defaultAction\":{\"type\":\"FORWARD\","
                        + "\"targetGroup\":\"web\"}}]}", "application/json").expectProblem(400);
        assertThat(intruder.get("/api/v1/load-balancers/" + mine.loadBalancerId() + "/configuration").body())
                .doesNotContain(theirs.targetGroupId(), "private");
        // a listener of my load balancer cannot forward to their target group either
        intruder.post("/api/v1/load-balancers/" + mine.loadBalancerId() + "/listeners", listenerBody).expectProblem(400);
        // nor can a rule of mine
        intruder.post(myListenerPath + "/rules", "{\"priority\":3,\"action\":{\"type\":\"FORWARD\",\"targetGroupId\":\""
                + theirs.targetGroupId() + "\"}}").expectProblem(400);

        assertThat(intruder.get("/api/v1/load-balancers").json().path("items")).hasSize(1);
        owner.get(lb).expectStatus(200);
        assertThat(owner.get(lb).json().path("revision").asLong()).as("nothing changed").isEqualTo(revisionBefore);
        assertThat(owner.get(tg + "/targets").json().path("items")).hasSize(1);
        assertThat(owner.get(lb + "/listeners").json().path("items")).hasSize(1);
        assertThat(owner.get(listenerPath + "/rules").json().path("items")).hasSize(1);
        assertThat(owner.get("/api/v1/tokens").json().path("items")).hasSize(1);

        // lists and the audit log show only the caller's own tenant
        assertThat(intruder.get("/api/v1/users").json().path("items")).hasSize(1);
        assertThat(intruder.get("/api/v1/invitations").json().path("items")).isEmpty();
        assertThat(intruder.get("/api/v1/tenant-tokens").json().path("items")).isEmpty();
        String intruderLog = intruder.get("/api/v1/audit-events?limit=200").expectStatus(200).body();
        assertThat(intruderLog).doesNotContain(theirs.loadBalancerId(), ownerId, theirToken, theirInvitation);
        assertThat(intruder.get("/api/v1/audit-events?resourceId=" + theirs.loadBalancerId()).json().path("items")).isEmpty();
        assertThat(owner.get("/api/v1/users").json().path("items").get(0).path("role").asString()).isEqualTo("ADMIN");
        assertThat(owner.get("/api/v1/invitations").json().path("items")).hasSize(1);
        assertThat(owner.get("/api/v1/audit-events?resourceId=" + theirs.loadBalancerId()).json().path("items"))
                .isNotEmpty();
    }
}
