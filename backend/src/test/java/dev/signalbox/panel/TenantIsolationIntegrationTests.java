package dev.signalbox.panel;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.Fixtures;
import dev.signalbox.panel.support.Fixtures.LoadBalancerSetup;
import dev.signalbox.panel.support.PanelIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class TenantIsolationIntegrationTests extends PanelIntegrationTest {

    @Test
    void anotherTenantsResourcesDoNotExistForAnyEndpoint() {
        ApiClient owner = signUp(uniqueSlug("owner"));
        LoadBalancerSetup theirs = Fixtures.loadBalancerWithEverything(owner, "private", 8080);
        String theirToken = owner.post("/api/v1/tokens", "{\"name\":\"t\",\"scopes\":[\"read\"]}").expectStatus(201)
                .json().path("id").asString();
        long revisionBefore = owner.get("/api/v1/load-balancers/" + theirs.loadBalancerId()).json().path("revision")
                .asLong();

        ApiClient intruder = signUp(uniqueSlug("intruder"));
        LoadBalancerSetup mine = Fixtures.loadBalancerWithEverything(intruder, "mine", 8080);
        String lb = "/api/v1/load-balancers/" + theirs.loadBalancerId();
        String tg = lb + "/target-groups/" + theirs.targetGroupId();
        String listenerBody = "{\"protocol\":\"HTTP\",\"port\":9999,\"defaultAction\":{\"type\":\"FORWARD\",\"targetGroupId\":\""
                + theirs.targetGroupId() + "\"}}";
        String targetsBody = "{\"targets\":[{\"host\":\"10.0.0.1\",\"port\":80}]}";

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
                new Call("DELETE", "/api/v1/tokens/" + theirToken, null));
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

        // a listener of my load balancer cannot forward to their target group either
        intruder.post("/api/v1/load-balancers/" + mine.loadBalancerId() + "/listeners", listenerBody).expectProblem(400);

        assertThat(intruder.get("/api/v1/load-balancers").json().path("items")).hasSize(1);
        owner.get(lb).expectStatus(200);
        assertThat(owner.get(lb).json().path("revision").asLong()).as("nothing changed").isEqualTo(revisionBefore);
        assertThat(owner.get(tg + "/targets").json().path("items")).hasSize(1);
        assertThat(owner.get(lb + "/listeners").json().path("items")).hasSize(1);
        assertThat(owner.get("/api/v1/tokens").json().path("items")).hasSize(1);
    }
}
