package dev.signalbox.panel;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.ApiClient.Response;
import dev.signalbox.panel.support.Fixtures;
import dev.signalbox.panel.support.Fixtures.LoadBalancerSetup;
import dev.signalbox.panel.support.PanelIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** ETag on reads and creates, If-Match on deletes and rollbacks: a stale tag is a 412 that changes nothing. */
class ConditionalRequestsIntegrationTests extends PanelIntegrationTest {

    private static final String PRECONDITION_FAILED = "https://signalbox.dev/problems/precondition-failed";

    @Test
    void singleResourcesAndCreateResponsesCarryTheSameStrongTag() {
        ApiClient client = signUp(uniqueSlug("etags"));
        Response created = client.post("/api/v1/load-balancers", "{\"name\":\"shop\"}").expectStatus(201);
        String lb = created.header("Location").orElseThrow();
        String createdTag = etag(created);
        assertThat(createdTag).matches("\"[A-Za-z0-9_-]+\"");
        assertThat(etag(client.get(lb).expectStatus(200))).isEqualTo(createdTag);

        Response group = client.post(lb + "/target-groups", "{\"name\":\"web\"}").expectStatus(201);
        String tg = lb + "/target-groups/" + group.json().path("id").asString();
        assertThat(etag(client.get(tg).expectStatus(200))).isEqualTo(etag(group));
        assertThat(etag(client.get(lb))).as("a change under the load balancer is a new version of it")
                .isNotEqualTo(createdTag);

        Response listener = client.post(lb + "/listeners", "{\"protocol\":\"HTTP\",\"port\":8080,\"defaultAction\":"
                + "{\"type\":\"FORWARD\",\"targetGroupId\":\"" + group.json().path("id").asString() + "\"}}").expectStatus(201);
        assertThat(etag(client.get(lb + "/listeners/" + listener.json().path("id").asString()))).isEqualTo(etag(listener));

        String targetId = client.post(tg + "/targets", "{\"targets\":[{\"host\":\"10.0.0.1\",\"port\":80}]}")
                .expectStatus(200).json().path("items").get(0).path("id").asString();
        assertThat(etag(client.get(tg + "/targets/" + targetId).expectStatus(200))).matches("\"[A-Za-z0-9_-]+\"");

        // a GET that names the current tag is answered "not modified"
        Response revalidated = client.send("GET", lb, null, Map.of("If-None-Match", etag(client.get(lb))));
        assertThat(revalidated.status()).isEqualTo(304);
    }

    @Test
    void updatesOfEveryKindAndRuleDeletesNeedTheCurrentTag() {
        ApiClient client = signUp(uniqueSlug("stale-updates"));
        LoadBalancerSetup setup = Fixtures.loadBalancerWithEverything(client, "shop", 18090);
        String lb = "/api/v1/load-balancers/" + setup.loadBalancerId();
        String listener = lb + "/listeners/" + setup.listenerId();
        Response createdRule = client.post(listener + "/rules", "{\"priority\":3,\"action\":{\"type\":\"FIXED_RESPONSE\","
                + "\"fixedResponse\":{\"statusCode\":503}}}").expectStatus(201);
        String rule = listener + "/rules/" + createdRule.json().path("id").asString();
        assertThat(etag(client.get(rule).expectStatus(200))).isEqualTo(etag(createdRule));

        Map<String, String> updates = Map.of(
                lb, "{\"tags\":[{\"key\":\"team\",\"value\":\"web\"}]}",
                listener, "{\"protocol\":\"HTTP\",\"port\":18091,\"defaultAction\":{\"type\":\"FORWARD\","
                        + "\"targetGroupId\":\"" + setup.targetGroupId() + "\"}}",
                lb + "/target-groups/" + setup.targetGroupId(), "{\"name\":\"web\",\"algorithm\":\"RANDOM\"}",
                rule, "{\"priority\":4,\"action\":{\"type\":\"FIXED_RESPONSE\",\"fixedResponse\":{\"statusCode\":404}}}");
        updates.forEach((path, body) -> {
            String before = client.get(path).expectStatus(200).body();
            Response refused = client.send("PUT", path, body, Map.of("If-Match", "\"stale\"")).expectProblem(412);
            assertThat(refused.json().path("type").asString()).isEqualTo(PRECONDITION_FAILED);
            assertThat(client.get(path).body()).as("unchanged %s", path).isEqualTo(before);
            String current = etag(client.get(path));
            Response updated = client.send("PUT", path, body, Map.of("If-Match", current)).expectStatus(200);
            assertThat(etag(updated)).isNotEqualTo(current).isEqualTo(etag(client.get(path)));
        });

        String ruleTag = etag(client.get(rule));
        client.send("DELETE", rule, null, Map.of("If-Match", "\"stale\"")).expectProblem(412);
        client.send("DELETE", rule, null, Map.of("If-Match", ruleTag)).expectStatus(204);
        client.get(rule).expectProblem(404);
    }

    @Test
    void aStaleLoadBalancerTagCannotDeleteIt() {
        ApiClient client = signUp(uniqueSlug("stale-lb"));
        Response created = client.post("/api/v1/load-balancers", "{\"name\":\"shop\"}").expectStatus(201);
        String lb = created.header("Location").orElseThrow();
        String read = etag(created);
        client.post(lb + "/target-groups", "{\"name\":\"web\"}").expectStatus(201);

        Response refused = client.send("DELETE", lb, null, Map.of("If-Match", read)).expectProblem(412);
        assertThat(refused.json().path("type").asString()).isEqualTo(PRECONDITION_FAILED);
        assertThat(refused.json().path("detail").asString()).contains("GET it again");
        client.get(lb).expectStatus(200);

        client.send("DELETE", lb, null, Map.of("If-Match", etag(client.get(lb)))).expectStatus(204);
        client.get(lb).expectProblem(404);
    }

    @Test
    void aStaleTargetTagCannotDeregisterIt() {
        ApiClient client = signUp(uniqueSlug("stale-target"));
        LoadBalancerSetup setup = Fixtures.loadBalancerWithEverything(client, "shop", 8080);
        String tg = "/api/v1/load-balancers/" + setup.loadBalancerId() + "/target-groups/" + setup.targetGroupId();
        String target = tg + "/targets/" + setup.targetId();
        String read = etag(client.get(target));
        // re-registering the same address with a new weight changes the target
        client.post(tg + "/targets", "{\"targets\":[{\"host\":\"127.0.0.1\",\"port\":9001,\"weight\":7}]}").expectStatus(200);

        client.send("DELETE", target, null, Map.of("If-Match", read)).expectProblem(412);
        assertThat(client.get(target).expectStatus(200).json().path("weight").asInt()).isEqualTo(7);

        client.send("DELETE", target, null, Map.of("If-Match", etag(client.get(target)))).expectStatus(204);
        client.get(target).expectProblem(404);
    }

    @Test
    void aTagOfAnotherVersionCannotDeleteAListenerOrTargetGroupButTheCurrentOneOrAStarCan() {
        ApiClient client = signUp(uniqueSlug("stale-children"));
        LoadBalancerSetup setup = Fixtures.loadBalancerWithEverything(client, "shop", 8080);
        String lb = "/api/v1/load-balancers/" + setup.loadBalancerId();
        String listener = lb + "/listeners/" + setup.listenerId();
        String tg = lb + "/target-groups/" + setup.targetGroupId();
        String tgTag = etag(client.get(tg));
        long revision = client.get(lb).json().path("revision").asLong();

        client.send("DELETE", listener, null, Map.of("If-Match", tgTag)).expectProblem(412);
        // If-Match compares strongly: the current tag marked weak does not match either
        client.send("DELETE", listener, null, Map.of("If-Match", "W/" + etag(client.get(listener)))).expectProblem(412);
        client.send("DELETE", tg, null, Map.of("If-Match", "\"stale\"")).expectProblem(412);
        assertThat(client.get(lb).json().path("revision").asLong()).as("nothing changed").isEqualTo(revision);

        client.send("DELETE", listener, null, Map.of("If-Match", "\"stale\", " + etag(client.get(listener))))
                .expectStatus(204);
        client.send("DELETE", tg, null, Map.of("If-Match", "*")).expectStatus(204);
        client.send("DELETE", tg, null, Map.of("If-Match", "*")).expectProblem(404);
    }

    @Test
    void aTokenIsRevokedWithTheTagOfItsCreationEvenAfterItWasUsed() {
        ApiClient console = signUp(uniqueSlug("stale-token"));
        Response created = console.post("/api/v1/tokens", "{\"name\":\"ci\",\"scopes\":[\"read\"]}").expectStatus(201);
        String token = "/api/v1/tokens/" + created.json().path("id").asString();
        console.withToken(created.json().path("token").asString()).get("/api/v1/load-balancers").expectStatus(200);

        console.send("DELETE", token, null, Map.of("If-Match", "\"stale\"")).expectProblem(412);
        assertThat(console.get("/api/v1/tokens").json().path("items")).hasSize(1);
        console.send("DELETE", token, null, Map.of("If-Match", etag(created))).expectStatus(204);
        assertThat(console.get("/api/v1/tokens").json().path("items")).isEmpty();
    }

    @Test
    void aRollbackWithAStaleLoadBalancerTagIsRefused() {
        ApiClient client = signUp(uniqueSlug("stale-rollback"));
        LoadBalancerSetup setup = Fixtures.loadBalancerWithEverything(client, "shop", 8080);
        String lb = "/api/v1/load-balancers/" + setup.loadBalancerId();
        String read = etag(client.get(lb));
        client.delete(lb + "/listeners/" + setup.listenerId()).expectStatus(204);

        client.send("POST", lb + "/revisions/2/rollback", null, Map.of("If-Match", read)).expectProblem(412);
        assertThat(client.get(lb).json().path("revision").asLong()).isEqualTo(5);
        client.send("POST", lb + "/revisions/2/rollback", null, Map.of("If-Match", etag(client.get(lb))))
                .expectStatus(201);
        assertThat(client.get(lb).json().path("revision").asLong()).isEqualTo(6);
    }

    private static String etag(Response response) {
        return response.header("ETag").orElseThrow(() -> new AssertionError("no ETag on " + response.raw().uri()));
    }
}
