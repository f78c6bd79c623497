package dev.signalbox.panel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.ApiClient.Response;
import dev.signalbox.panel.support.ConfigTopic;
import dev.signalbox.panel.support.Fixtures;
import dev.signalbox.panel.support.Fixtures.LoadBalancerSetup;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.panel.support.TestCertificate;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The history of a load balancer: who changed what, the configuration at a revision, diffs and rollback. */
class RevisionsIntegrationTests extends PanelIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theHistoryListsWhoChangedWhatNewestFirst() {
        String slug = uniqueSlug("history");
        ApiClient client = signUp(slug);
        LoadBalancerSetup setup = Fixtures.loadBalancerWithEverything(client, "shop", 8080);
        String revisions = "/api/v1/load-balancers/" + setup.loadBalancerId() + "/revisions";

        JsonNode page = client.get(revisions + "?limit=3").expectStatus(200).json();
        assertThat(page.path("items")).extracting(item -> item.path("revision").asLong()).containsExactly(4L, 3L, 2L);
        assertThat(page.path("items")).extracting(item -> item.path("summary").asString()).containsExactly(
                "Listener HTTP:8080 added", "1 target(s) registered in web", "Target group web created");
        assertThat(page.path("items").get(0).path("actor").asString()).isEqualTo("admin@" + slug + ".example");
        assertThat(page.path("items").get(0).path("createdAt").asString()).isNotBlank();
        JsonNode last = client.get(revisions + "?limit=3&cursor=" + page.path("nextCursor").asString()).json();
        assertThat(last.path("items")).extracting(item -> item.path("summary").asString())
                .containsExactly("Load balancer shop created");
        assertThat(last.path("nextCursor").isMissingNode() || last.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aRevisionShowsTheWholeConfigurationItHad() {
        String slug = uniqueSlug("show");
        ApiClient client = signUp(slug);
        LoadBalancerSetup setup = Fixtures.loadBalancerWithEverything(client, "shop", 8080);
        String revisions = "/api/v1/load-balancers/" + setup.loadBalancerId() + "/revisions";

        JsonNode second = client.get(revisions + "/2").expectStatus(200).json();
        assertThat(second.path("summary").asString()).isEqualTo("Target group web created");
        JsonNode configuration = second.path("configuration");
        assertThat(configuration.path("name").asString()).isEqualTo("shop");
        assertThat(configuration.path("hostNames").get(0).asString()).isEqualTo("shop." + slug + ".lb.localhost");
        assertThat(configuration.path("listeners")).isEmpty();
        assertThat(configuration.path("targetGroups")).hasSize(1);
        assertThat(configuration.path("targetGroups").get(0).path("healthCheck").path("intervalSeconds").asInt())
                .isEqualTo(30);
        assertThat(configuration.path("targetGroups").get(0).path("targets")).isEmpty();

        JsonNode fourth = client.get(revisions + "/4").json().path("configuration");
        assertThat(fourth.path("listeners").get(0).path("port").asInt()).isEqualTo(8080);
        assertThat(fourth.path("targetGroups").get(0).path("targets").get(0).path("id").asString())
                .isEqualTo(setup.targetId());
        client.get(revisions + "/5").expectProblem(404);
    }

    @Test
    void aDiffListsExactlyTheChangedValuesWithPointers() {
        ApiClient client = signUp(uniqueSlug("diff"));
        LoadBalancerSetup setup = Fixtures.loadBalancerWithEverything(client, "shop", 8080);
        String lb = "/api/v1/load-balancers/" + setup.loadBalancerId();
        JsonNode registered = client.post(lb + "/target-groups/" + setup.targetGroupId() + "/targets",
                "{\"targets\":[{\"host\":\"10.0.0.2\",\"port\":80},{\"host\":\"127.0.0.1\",\"port\":9001,\"weight\":5}]}")
                .expectStatus(200).json();
        String added = registered.path("items").get(0).path("id").asString();

        JsonNode diff = client.get(lb + "/revisions/4/diff/5").expectStatus(200).json();
        assertThat(diff.path("fromRevision").asLong()).isEqualTo(4);
        assertThat(diff.path("toRevision").asLong()).isEqualTo(5);
        assertThat(withoutNulls(diff.path("changes"))).isEqualTo(json("""
                [{"op":"added","pointer":"/targetGroups/0/targets/0",
                  "after":{"id":"%s","host":"10.0.0.2","port":80,"weight":1}},
                 {"op":"changed","pointer":"/targetGroups/0/targets/1/weight","before":1,"after":5}]
                """.formatted(added)));

        // an added listener appears as the API shows it, with its rules
        ObjectNode listener = (ObjectNode) client.get(lb + "/listeners/" + setup.listenerId()).json().deepCopy();
        listener.set("rules", JSON.createArrayNode());
        JsonNode listenerAdded = client.get(lb + "/revisions/3/diff/4").json().path("changes");
        assertThat(listenerAdded).hasSize(1);
        assertThat(listenerAdded.get(0).path("op").asString()).isEqualTo("added");
        assertThat(listenerAdded.get(0).path("pointer").asString()).isEqualTo("/listeners/0");
        assertThat(listenerAdded.get(0).path("after")).isEqualTo(listener);
        assertThat(client.get(lb + "/revisions/5/diff/5").json().path("changes")).isEmpty();
        client.get(lb + "/revisions/4/diff/6").expectProblem(404);
    }

    @Test
    void aRollbackIsANewRevisionEqualToTheOldOneAndIsPublished() {
        ApiClient client = signUp(uniqueSlug("rollback"));
        LoadBalancerSetup setup = Fixtures.loadBalancerWithEverything(client, "shop", 8080);
        String lb = "/api/v1/load-balancers/" + setup.loadBalancerId();
        String web = lb + "/target-groups/" + setup.targetGroupId();
        JsonNode target = client.get(web + "/targets/" + setup.targetId()).expectStatus(200).json();
        String api = client.post(lb + "/target-groups", "{\"name\":\"api\"}").expectStatus(201).json().path("id").asString();
        client.post(lb + "/target-groups/" + api + "/targets", "{\"targets\":[{\"host\":\"10.0.0.5\",\"port\":80}]}")
                .expectStatus(200);
        client.delete(web + "/targets/" + setup.targetId()).expectStatus(204);
        client.delete(lb + "/listeners/" + setup.listenerId()).expectStatus(204);
        client.post(lb + "/listeners", "{\"protocol\":\"HTTP\",\"port\":8081,\"defaultAction\":{\"type\":\"FORWARD\","
                + "\"targetGroupId\":\"" + api + "\"}}").expectStatus(201);

        Response rolledBack = client.post(lb + "/revisions/4/rollback", null).expectStatus(201);
        assertThat(rolledBack.json().path("revision").asLong()).isEqualTo(10);
        assertThat(rolledBack.json().path("summary").asString()).isEqualTo("Rolled back to revision 4");
        assertThat(rolledBack.header("Location")).hasValue(lb + "/revisions/10");
        assertThat(client.get(lb).json().path("revision").asLong()).as("one revision for the whole rollback").isEqualTo(10);
        assertThat(byName(client.get(lb + "/revisions/10").json().path("configuration")))
                .isEqualTo(byName(client.get(lb + "/revisions/4").json().path("configuration")));
        // what stayed keeps its id; what had gone comes back as it was
        assertThat(client.get(web).expectStatus(200).json().path("name").asString()).isEqualTo("web");
        assertThat(client.get(lb + "/listeners").json().path("items")).singleElement()
                .satisfies(listener -> assertThat(listener.path("port").asInt()).isEqualTo(8080));
        assertThat(client.get(web + "/targets").json().path("items")).singleElement().satisfies(restored -> {
            assertThat(restored.path("host")).isEqualTo(target.path("host"));
            assertThat(restored.path("port")).isEqualTo(target.path("port"));
            assertThat(restored.path("weight")).isEqualTo(target.path("weight"));
        });
        client.get(lb + "/target-groups/" + api).expectProblem(404);

        LoadBalancerSnapshot published = ConfigTopic.awaitLatest(setup.loadBalancerId(),
                m -> m.snapshot() != null && m.snapshot().revision() == 10, Duration.ofSeconds(30)).orElseThrow().snapshot();
        assertThat(published.revision()).isEqualTo(10);
        assertThat(published.listeners()).singleElement().satisfies(listener -> {
            assertThat(listener.port()).isEqualTo(8080);
            assertThat(listener.defaultAction().targetGroups().get(0).targetGroupId()).hasToString(setup.targetGroupId());
        });
        TargetGroupSnapshot group = published.targetGroups().get(0);
        assertThat(published.targetGroups()).hasSize(1);
        assertThat(group.id()).hasToString(setup.targetGroupId());
        assertThat(group.targets()).singleElement().satisfies(restored -> {
            assertThat(restored.host()).isEqualTo(target.path("host").asString());
            assertThat(restored.port()).isEqualTo(target.path("port").asInt());
        });

        // and forward again: the group removed by the rollback comes back with its target
        client.post(lb + "/revisions/9/rollback", null).expectStatus(201);
        assertThat(byName(client.get(lb + "/revisions/11").json().path("configuration")))
                .isEqualTo(byName(client.get(lb + "/revisions/9").json().path("configuration")));
        JsonNode groups = client.get(lb + "/target-groups").json().path("items");
        assertThat(groups).extracting(g -> g.path("name").asString()).containsExactlyInAnyOrder("api", "web");
        String apiAgain = StreamSupport.stream(groups.spliterator(), false)
                .filter(g -> g.path("name").asString().equals("api")).findFirst().orElseThrow().path("id").asString();
        assertThat(client.get(lb + "/target-groups/" + apiAgain + "/targets").expectStatus(200).json().path("items"))
                .singleElement().satisfies(t -> assertThat(t.path("host").asString()).isEqualTo("10.0.0.5"));
    }

    @Test
    void aRollbackRestoresRulesActionsTlsSettingsTargetGroupSettingsHostNamesAndTags() {
        ApiClient client = signUp(uniqueSlug("full-rollback"));
        String lb = "/api/v1/load-balancers/" + client.post("/api/v1/load-balancers", "{\"name\":\"full\","
                + "\"hostNames\":[\"www.full-rollback.example\"],\"tags\":[{\"key\":\"team\",\"value\":\"web\"}]}")
                .expectStatus(201).json().path("id").asString();
        String api = client.post(lb + "/target-groups", "{\"name\":\"api\",\"port\":9000,\"algorithm\":\"CONSISTENT_HASH\","
                + "\"hashKey\":{\"type\":\"HEADER\",\"name\":\"X-User\"},\"attributes\":{\"deregistrationDelaySeconds\":30}}")
                .expectStatus(201).json().path("id").asString();
        String canary = client.post(lb + "/target-groups", "{\"name\":\"canary\"}").expectStatus(201).json().path("id")
                .asString();
        client.post(lb + "/target-groups/" + api + "/targets", "{\"targets\":[{\"host\":\"10.0.0.1\"}]}").expectStatus(200);
        String listener = lb + "/listeners/" + client.post(lb + "/listeners", "{\"protocol\":\"HTTPS\",\"port\":18443,"
                + "\"tlsPolicy\":\"Signalbox-TLS13-1-3-2026-01\",\"certificateIds\":[\""
                + Fixtures.certificate(client, "www", TestCertificate.selfSigned("www.full-rollback.example")) + "\"],"
                + "\"defaultAction\":{\"type\":\"FORWARD\",\"targetGroups\":[{\"targetGroupId\":\"" + api + "\",\"weight\":9},"
                + "{\"targetGroupId\":\"" + canary + "\",\"weight\":1}],\"stickinessSeconds\":60}}")
                .expectStatus(201).json().path("id").asString();
        client.post(listener + "/rules", "{\"priority\":1,\"conditions\":[{\"field\":\"path-pattern\",\"values\":[\"/old/*\"]}],"
                + "\"action\":{\"type\":\"REDIRECT\",\"redirect\":{\"statusCode\":301,\"path\":\"/new/#{path}\"}}}")
                .expectStatus(201);
        client.post(listener + "/rules", "{\"priority\":2,\"conditions\":[{\"field\":\"http-request-method\","
                + "\"values\":[\"DELETE\"]}],\"action\":{\"type\":\"FIXED_RESPONSE\",\"fixedResponse\":"
                + "{\"statusCode\":403,\"contentType\":\"text/plain\",\"messageBody\":\"no\"}}}").expectStatus(201);
        long wanted = client.get(lb).json().path("revision").asLong();
        JsonNode before = client.get(lb + "/revisions/" + wanted).json().path("configuration");
        assertThat(before.path("listeners").get(0).path("rules")).hasSize(2);
        assertThat(before.path("tags").get(0).path("key").asString()).isEqualTo("team");

        // then everything changes or goes
        client.send("PUT", lb, "{\"hostNames\":[\"other.full-rollback.example\"]}", "application/json").expectStatus(200);
        client.delete(listener).expectStatus(204);
        client.send("PUT", lb + "/target-groups/" + api, "{\"name\":\"api\",\"algorithm\":\"RANDOM\"}", "application/json").expectStatus(200);
        client.delete(lb + "/target-groups/" + canary).expectStatus(204);

        client.post(lb + "/revisions/" + wanted + "/rollback", null).expectStatus(201);
        assertThat(byName(client.get(lb + "/revisions/" + (wanted + 5)).json().path("configuration"))).isEqualTo(byName(before));
        JsonNode restored = client.get(lb).json();
        assertThat(restored.path("revision").asLong()).isEqualTo(wanted + 5);
        assertThat(restored.path("hostNames").get(0).asString()).isEqualTo("www.full-rollback.example");
        assertThat(restored.path("tags").get(0).path("value").asString()).isEqualTo("web");
        JsonNode https = client.get(lb + "/listeners").json().path("items").get(0);
        assertThat(https.path("port").asInt()).isEqualTo(18443);
        listener = lb + "/listeners/" + https.path("id").asString();
        assertThat(https.path("tlsPolicy").asString()).isEqualTo("Signalbox-TLS13-1-3-2026-01");
        assertThat(https.path("defaultAction").path("targetGroups")).hasSize(2);
        assertThat(https.path("defaultAction").path("stickinessSeconds").asInt()).isEqualTo(60);
        assertThat(client.get(listener + "/rules").json().path("items")).extracting(rule -> rule.path("action").path("type")
                .asString()).containsExactly("REDIRECT", "FIXED_RESPONSE");
        JsonNode group = client.get(lb + "/target-groups/" + api).json();
        assertThat(group.path("algorithm").asString()).isEqualTo("CONSISTENT_HASH");
        assertThat(group.path("port").asInt()).isEqualTo(9000);
        assertThat(group.path("hashKey").path("name").asString()).isEqualTo("X-User");
        assertThat(group.path("attributes").path("deregistrationDelaySeconds").asInt()).isEqualTo(30);
        // the restored listener holds its port and host names again: a TCP listener elsewhere cannot take the port
        ApiClient other = signUp(uniqueSlug("full-rollback-other"));
        String theirLb = "/api/v1/load-balancers/" + other.post("/api/v1/load-balancers", "{\"name\":\"edge\"}")
                .expectStatus(201).json().path("id").asString();
        String tcpGroup = other.post(theirLb + "/target-groups", "{\"name\":\"tcp\",\"protocol\":\"TCP\"}")
                .expectStatus(201).json().path("id").asString();
        other.post(theirLb + "/listeners", "{\"protocol\":\"TCP\",\"port\":18443,\"defaultAction\":{\"type\":\"FORWARD\","
                + "\"targetGroupId\":\"" + tcpGroup + "\"}}").expectProblem(409);
    }

    @Test
    void aRollbackOntoAPortAnotherLoadBalancerTookIsA409AndChangesNothing() {
        ApiClient client = signUp(uniqueSlug("conflict"));
        LoadBalancerSetup setup = Fixtures.loadBalancerWithEverything(client, "shop", 18181);
        String lb = "/api/v1/load-balancers/" + setup.loadBalancerId();
        String targets = lb + "/target-groups/" + setup.targetGroupId() + "/targets";
        client.post(targets, "{\"targets\":[{\"host\":\"10.0.0.7\",\"port\":80}]}").expectStatus(200);
        client.delete(lb + "/listeners/" + setup.listenerId()).expectStatus(204);

        ApiClient other = signUp(uniqueSlug("conflict-other"));
        LoadBalancerSetup theirs = Fixtures.loadBalancerWithEverything(other, "edge", 18182);
        // a TCP listener owns its port fleet-wide
        String theirLb = "/api/v1/load-balancers/" + theirs.loadBalancerId();
        String tcpGroup = other.post(theirLb + "/target-groups", "{\"name\":\"tcp\",\"protocol\":\"TCP\",\"port\":5432}")
                .expectStatus(201).json().path("id").asString();
        String tcp = other.post(theirLb + "/listeners", "{\"protocol\":\"TCP\",\"port\":18181,\"defaultAction\":"
                + "{\"type\":\"FORWARD\",\"targetGroupId\":\"" + tcpGroup + "\"}}").expectStatus(201).json().path("id").asString();
        try {
            Response refused = client.post(lb + "/revisions/4/rollback", null).expectProblem(409);
            assertThat(refused.json().path("detail").asString()).contains("18181");
        } finally {
            other.delete(theirLb + "/listeners/" + tcp).expectStatus(204);
        }

        assertThat(client.get(lb).json().path("revision").asLong()).isEqualTo(6);
        assertThat(client.get(lb + "/revisions?limit=1").json().path("items").get(0).path("revision").asLong()).isEqualTo(6);
        assertThat(client.get(lb + "/listeners").json().path("items")).isEmpty();
        assertThat(client.get(targets).json().path("items")).extracting(t -> t.path("host").asString())
                .containsExactly("127.0.0.1", "10.0.0.7");
        client.post(lb + "/revisions/99/rollback", null).expectProblem(404);
    }

    @Test
    void aRollbackToATargetGroupWhoseProtocolChangedSinceIsA409AndChangesNothing() {
        ApiClient client = signUp(uniqueSlug("protocol"));
        String lb = "/api/v1/load-balancers/" + client.post("/api/v1/load-balancers", "{\"name\":\"shop\"}")
                .expectStatus(201).json().path("id").asString();
        String http = client.post(lb + "/target-groups", "{\"name\":\"svc\"}").expectStatus(201).json().path("id").asString();
        long wanted = client.get(lb).json().path("revision").asLong();
        client.delete(lb + "/target-groups/" + http).expectStatus(204);
        String tcp = client.post(lb + "/target-groups", "{\"name\":\"svc\",\"protocol\":\"TCP\",\"port\":5432}")
                .expectStatus(201).json().path("id").asString();

        Response refused = client.post(lb + "/revisions/" + wanted + "/rollback", null).expectProblem(409);
        assertThat(refused.json().path("detail").asString()).contains("svc", "TCP", "protocol");

        assertThat(client.get(lb).json().path("revision").asLong()).isEqualTo(wanted + 2);
        assertThat(client.get(lb + "/target-groups/" + tcp).expectStatus(200).json().path("protocol").asString())
                .isEqualTo("TCP");
        // once the TCP group is out of the way, the same rollback brings the HTTP one back
        client.delete(lb + "/target-groups/" + tcp).expectStatus(204);
        client.post(lb + "/revisions/" + wanted + "/rollback", null).expectStatus(201);
        assertThat(client.get(lb + "/target-groups").json().path("items")).singleElement().satisfies(group -> {
            assertThat(group.path("name").asString()).isEqualTo("svc");
            assertThat(group.path("protocol").asString()).isEqualTo("HTTP");
        });
    }

    @Test
    void aRollbackToAConfigurationEqualToTheCurrentOneIsStillARevision() {
        ApiClient client = signUp(uniqueSlug("same"));
        String lb = "/api/v1/load-balancers/" + client.post("/api/v1/load-balancers", "{\"name\":\"shop\","
                + "\"tags\":[{\"key\":\"zone\",\"value\":\"b\"},{\"key\":\"Team\",\"value\":\"web\"},"
                + "{\"key\":\"app\",\"value\":\"shop\"}]}").expectStatus(201).json().path("id").asString();

        Response rolledBack = client.post(lb + "/revisions/1/rollback", null).expectStatus(201);
        assertThat(rolledBack.json().path("revision").asLong()).isEqualTo(2);
        assertThat(rolledBack.json().path("summary").asString()).isEqualTo("Rolled back to revision 1");
        assertThat(client.get(lb + "/revisions/1/diff/2").json().path("changes")).isEmpty();
    }

    /**
     * A revision's configuration as it reads by name: a rollback re-creates what had gone under new
     * ids, so ids are left out and forwards name their target groups.
     */
    private static JsonNode byName(JsonNode configuration) {
        Map<String, String> groupNames = new HashMap<>();
        configuration.path("targetGroups").forEach(g -> groupNames.put(g.path("id").asString(), g.path("name").asString()));
        JsonNode copy = configuration.deepCopy();
        withoutIds(copy, groupNames);
        return copy;
    }

    private static void withoutIds(JsonNode node, Map<String, String> groupNames) {
        if (node instanceof ObjectNode object) {
            object.remove("id");
            if (object.path("targetGroupId").isString()) {
                object.put("targetGroupId", groupNames.get(object.path("targetGroupId").asString()));
            }
        }
        node.forEach(child -> withoutIds(child, groupNames));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** Absent and null "before"/"after" mean the same: there was or is no value. */
    private static JsonNode withoutNulls(JsonNode changes) {
        List<JsonNode> cleaned = new ArrayList<>();
        for (JsonNode change : changes) {
            ObjectNode copy = (ObjectNode) change.deepCopy();
            for (String field : List.of("before", "after")) {
                if (copy.path(field).isNull()) {
                    copy.remove(field);
                }
            }
            cleaned.add(copy);
        }
        return JSON.valueToTree(cleaned);
    }
}
