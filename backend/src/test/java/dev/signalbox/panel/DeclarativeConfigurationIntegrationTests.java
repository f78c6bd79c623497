package dev.signalbox.panel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.ConfigTopic;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.protocol.ActionType;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetSnapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** GET, plan and PUT of a load balancer's whole configuration as one document. */
class DeclarativeConfigurationIntegrationTests extends PanelIntegrationTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A whole configuration: two groups (one weighted split), an HTTP listener with two rules. */
    private static String document(String slug, int port) {
        return """
                {"hostNames":["www.%1$s.example"],"tags":[{"key":"team","value":"checkout"}],
                 "listeners":[{"port":%2$d,"protocol":"HTTP","defaultAction":{"type":"FORWARD","targetGroup":"web"},
                   "rules":[
                     {"priority":10,"conditions":[{"field":"path-pattern","values":["/api/*"]}],
                      "action":{"type":"FORWARD","targetGroups":[{"name":"api","weight":9},{"name":"web","weight":1}],
                                "stickinessSeconds":60}},
                     {"priority":20,"conditions":[{"field":"path-pattern","values":["/teapot"]}],
                      "action":{"type":"FIXED_RESPONSE","fixedResponse":{"statusCode":418,"messageBody":"short and stout"}}}]}],
                 "targetGroups":[
                   {"name":"web","port":8080,"targets":[{"host":"10.0.0.1"},{"host":"10.0.0.2","weight":3}]},
                   {"name":"api","algorithm":"LEAST_CONNECTIONS","healthCheck":{"path":"/health"},
                    "targets":[{"host":"api.internal","port":9000}]}]}
                """.formatted(slug, port);
    }

    private record Setup(ApiClient client, String slug, String lb, int port) {
        String configuration() {
            return lb + "/configuration";
        }

        long revision() {
            return client.get(lb).expectStatus(200).json().path("revision").asLong();
        }
    }

    private Setup emptyLoadBalancer(String base) {
        String slug = uniqueSlug(base);
        ApiClient client = signUp(slug);
        String id = client.post("/api/v1/load-balancers", "{\"name\":\"shop\"}").expectStatus(201).json().path("id")
                .asString();
        return new Setup(client, slug, "/api/v1/load-balancers/" + id, uniquePort());
    }

    @Test
    void aWholeConfigurationAppliedToAnEmptyLoadBalancerIsOneRevisionAndOneSnapshot() {
        Setup setup = emptyLoadBalancer("decl-create");
        long before = setup.revision();

        JsonNode applied = setup.client().send("PUT", setup.configuration(), document(setup.slug(), setup.port()),
                "application/json").expectStatus(200).json();

        assertThat(applied.path("revision").asLong()).isEqualTo(before + 1);
        assertThat(setup.revision()).isEqualTo(before + 1);
        // 2 target groups, 3 targets, 1 listener, 2 rules; the host names and tags change the load balancer
        assertThat(applied.path("added").asInt()).isEqualTo(8);
        assertThat(applied.path("changed").asInt()).isEqualTo(1);
        assertThat(applied.path("removed").asInt()).isZero();
        LoadBalancerSnapshot snapshot = ConfigTopic.awaitLatest(setup.lb().substring(setup.lb().lastIndexOf('/') + 1),
                m -> m.snapshot() != null && m.snapshot().revision() == before + 1, DELIVERY).orElseThrow().snapshot();
        assertThat(snapshot.hostNames()).contains("www." + setup.slug() + ".example");
        assertThat(snapshot.tags()).containsEntry("team", "checkout");
        assertThat(snapshot.targetGroups()).hasSize(2);
        var web = snapshot.targetGroups().stream().filter(g -> g.name().equals("web")).findFirst().orElseThrow();
        var api = snapshot.targetGroups().stream().filter(g -> g.name().equals("api")).findFirst().orElseThrow();
        assertThat(web.targets()).extracting(TargetSnapshot::host, TargetSnapshot::port, TargetSnapshot::weight)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("10.0.0.1", 8080, 1),
                        org.assertj.core.groups.Tuple.tuple("10.0.0.2", 8080, 3));
        assertThat(api.algorithm()).isEqualTo(Algorithm.LEAST_CONNECTIONS);
        assertThat(api.healthCheck().path()).isEqualTo("/health");
        assertThat(snapshot.listeners()).singleElement().satisfies(listener -> {
            assertThat(listener.port()).isEqualTo(setup.port());
            assertThat(listener.defaultAction().targetGroups().get(0).targetGroupId()).isEqualTo(web.id());
            assertThat(listener.rules()).hasSize(2);
            assertThat(listener.rules().get(0).action().targetGroups()).extracting(g -> g.targetGroupId(), g -> g.weight())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(api.id(), 9),
                            org.assertj.core.groups.Tuple.tuple(web.id(), 1));
            assertThat(listener.rules().get(1).action().type()).isEqualTo(ActionType.FIXED_RESPONSE);
        });
        JsonNode audit = setup.client().get("/api/v1/audit-events?action=config.revised&limit=1").json();
        assertThat(audit.path("items").get(0).path("summary").asString())
                .isEqualTo("Revision " + (before + 1) + ": Applied configuration: 8 added, 1 changed, 0 removed");
    }

    @Test
    void theDocumentReadsBackAsJsonAndYamlAndPuttingItBackChangesNothing() {
        Setup setup = emptyLoadBalancer("decl-read");
        setup.client().send("PUT", setup.configuration(), document(setup.slug(), setup.port()), "application/json")
                .expectStatus(200);
        long revision = setup.revision();

        JsonNode json = setup.client().get(setup.configuration()).expectStatus(200).json();
        assertThat(json.path("name").asString()).isEqualTo("shop");
        assertThat(json.path("listeners").get(0).path("defaultAction").path("targetGroup").asString()).isEqualTo("web");
        assertThat(json.path("listeners").get(0).path("rules").get(0).path("action").path("targetGroups").get(0)
                .path("name").asString()).isEqualTo("api");
        assertThat(json.path("targetGroups").get(0).path("name").asString()).isEqualTo("api");
        assertThat(json.path("targetGroups").get(0).path("healthCheck").path("intervalSeconds").asInt()).isEqualTo(30);
        assertThat(json.path("targetGroups").get(1).path("targets").get(1).path("weight").asInt()).isEqualTo(3);
        assertThat(json.toString()).doesNotContain("\"id\"");

        ApiClient.Response yaml = setup.client().sendAccepting("GET", setup.configuration(), "application/yaml")
                .expectStatus(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(yaml.body()).contains("listeners:", "port: " + setup.port(), "targetGroup: \"web\"")
                .doesNotContain("null");

        JsonNode unchanged = setup.client().send("PUT", setup.configuration(), yaml.body(), "application/yaml")
                .expectStatus(200).json();
        assertThat(unchanged.path("changes")).isEmpty();
        assertThat(unchanged.has("revision") && !unchanged.path("revision").isNull()).isFalse();
        setup.client().send("PUT", setup.configuration(), json.toString(), "application/json").expectStatus(200);
        assertThat(setup.revision()).as("identical documents make no revision").isEqualTo(revision);
    }

    @Test
    void oneChangeIsOneRevisionPlannedExactlyAsItIsAppliedAndEverythingElseKeepsItsId() {
        Setup setup = emptyLoadBalancer("decl-change");
        setup.client().send("PUT", setup.configuration(), document(setup.slug(), setup.port()), "application/json")
                .expectStatus(200);
        long revision = setup.revision();
        String listenersBefore = setup.client().get(setup.lb() + "/listeners").body();
        String groupsBefore = setup.client().get(setup.lb() + "/target-groups").body();
        ObjectNode changed = (ObjectNode) setup.client().get(setup.configuration()).json();
        ((ObjectNode) changed.path("targetGroups").get(1).path("targets").get(0)).put("weight", 7);

        JsonNode plan = setup.client().post(setup.configuration() + "/plan", changed.toString()).expectStatus(200).json();
        assertThat(setup.revision()).as("a plan changes nothing").isEqualTo(revision);
        assertThat(plan.path("changes")).singleElement().satisfies(change -> {
            assertThat(change.path("action").asString()).isEqualTo("change");
            assertThat(change.path("kind").asString()).isEqualTo("target");
            assertThat(change.path("pointer").asString()).isEqualTo("/targetGroups/1/targets/0");
            assertThat(change.path("key").asString()).isEqualTo("web/10.0.0.1:8080");
            assertThat(change.path("before").path("weight").asInt()).isEqualTo(1);
            assertThat(change.path("after").path("weight").asInt()).isEqualTo(7);
        });

        JsonNode applied = setup.client().send("PUT", setup.configuration(), changed.toString(), "application/json")
                .expectStatus(200).json();
        assertThat(applied.path("changes")).isEqualTo(plan.path("changes"));
        assertThat(applied.path("revision").asLong()).isEqualTo(revision + 1);
        assertThat(setup.revision()).isEqualTo(revision + 1);
        assertThat(setup.client().get(setup.lb() + "/listeners").body()).isEqualTo(listenersBefore);
        assertThat(setup.client().get(setup.lb() + "/target-groups").body()).isEqualTo(groupsBefore);
        assertThat(setup.client().get("/api/v1/audit-events?action=config.revised&limit=1").json().path("items").get(0)
                .path("summary").asString()).isEqualTo("Revision " + (revision + 1)
                + ": Applied configuration: 0 added, 1 changed, 0 removed");
    }

    @Test
    void removingFromTheDocumentRemovesAndPortsAndNamesAreTheKeys() {
        Setup setup = emptyLoadBalancer("decl-remove");
        setup.client().send("PUT", setup.configuration(), document(setup.slug(), setup.port()), "application/json")
                .expectStatus(200);
        String smaller = """
                {"listeners":[{"port":%d,"protocol":"HTTP","defaultAction":{"type":"FORWARD","targetGroup":"web"}}],
                 "targetGroups":[{"name":"web","port":8080,"targets":[{"host":"10.0.0.1"},{"host":"10.0.0.2","weight":3}]}]}
                """.formatted(setup.port());

        JsonNode applied = setup.client().send("PUT", setup.configuration(), smaller, "application/json")
                .expectStatus(200).json();

        List<String> changes = new ArrayList<>();
        applied.path("changes").forEach(c -> changes.add(c.path("action").asString() + " " + c.path("kind").asString()
                + " " + c.path("key").asString()));
        assertThat(changes).containsExactly("change load-balancer shop", "remove rule " + setup.port() + "/10",
                "remove rule " + setup.port() + "/20", "remove target api/api.internal:9000", "remove target-group api");
        JsonNode now = setup.client().get(setup.configuration()).json();
        assertThat(now.path("targetGroups")).hasSize(1);
        assertThat(now.path("listeners").get(0).path("rules")).isEmpty();
        assertThat(now.path("hostNames")).isEmpty();
    }

    @Test
    void everyErrorOfADocumentIsReportedAtOnceAndNothingIsWritten() {
        Setup setup = emptyLoadBalancer("decl-errors");
        long revision = setup.revision();
        String broken = """
                {"listeners":[
                   {"port":%1$d,"protocol":"HTTP","defaultAction":{"type":"FORWARD","targetGroup":"web"},
                    "rules":[{"priority":10,"action":{"type":"FORWARD","targetGroups":[{"name":"nowhere"}]}}]},
                   {"port":%1$d,"protocol":"HTTP","defaultAction":{"type":"FORWARD","targetGroup":"web"}}],
                 "targetGroups":[{"name":"web","healthCheck":{"intervalSeconds":5,"timeoutSeconds":5}}]}
                """.formatted(setup.port());

        for (String path : List.of(setup.configuration(), setup.configuration() + "/plan")) {
            JsonNode problem = setup.client().send(path.endsWith("plan") ? "POST" : "PUT", path, broken,
                    "application/json").expectProblem(400).json();
            List<String> pointers = new ArrayList<>();
            problem.path("errors").forEach(error -> pointers.add(error.path("pointer").asString()));
            assertThat(pointers).containsExactlyInAnyOrder("/listeners/1/port",
                    "/listeners/0/rules/0/action/targetGroups/0/name", "/targetGroups/0/healthCheck/timeoutSeconds");
        }
        assertThat(setup.revision()).isEqualTo(revision);
        assertThat(setup.client().get(setup.lb() + "/target-groups").json().path("items")).isEmpty();
    }

    @Test
    void limitsAndMalformedYamlAreBadRequests() {
        Setup setup = emptyLoadBalancer("decl-limits");
        StringBuilder listeners = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            listeners.append(i == 0 ? "" : ",").append("{\"port\":").append(setup.port() + i)
                    .append(",\"protocol\":\"HTTP\",\"defaultAction\":{\"type\":\"FIXED_RESPONSE\","
                            + "\"fixedResponse\":{\"statusCode\":200}}}");
        }
        JsonNode problem = setup.client().send("PUT", setup.configuration(), "{\"listeners\":[" + listeners + "]}",
                "application/json").expectProblem(400).json();
        assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo("/listeners");
        assertThat(problem.path("errors").get(0).path("detail").asString())
                .contains("signalbox.limits.listeners-per-load-balancer");

        setup.client().send("PUT", setup.configuration(), "listeners: [\n  - port: : :", "application/yaml")
                .expectProblem(400);
        JsonNode unknown = setup.client().send("PUT", setup.configuration(), "listners: []\n", "application/yaml")
                .expectProblem(400).json();
        assertThat(unknown.path("errors").get(0).path("pointer").asString()).isEqualTo("/listners");
        JsonNode wrongType = setup.client().send("PUT", setup.configuration(),
                "targetGroups:\n  - name: web\n    port: \"80\"\n", "application/yaml").expectProblem(400).json();
        assertThat(wrongType.path("errors").get(0).path("pointer").asString()).isEqualTo("/targetGroups/0/port");
        assertThat(setup.client().get(setup.lb() + "/listeners").json().path("items")).isEmpty();
    }

    @Test
    void aPortAnotherTenantHoldsIsAConflictAndNothingIsWritten() {
        Setup other = emptyLoadBalancer("decl-holder");
        other.client().send("PUT", other.configuration(), """
                {"listeners":[{"port":%d,"protocol":"TCP","defaultAction":{"type":"FORWARD","targetGroup":"db"}}],
                 "targetGroups":[{"name":"db","protocol":"TCP","port":5432}]}
                """.formatted(other.port()), "application/json").expectStatus(200);
        Setup setup = emptyLoadBalancer("decl-clash");
        long revision = setup.revision();

        JsonNode problem = setup.client().send("PUT", setup.configuration(), """
                {"targetGroups":[{"name":"web"}],
                 "listeners":[{"port":%d,"protocol":"HTTP","defaultAction":{"type":"FORWARD","targetGroup":"web"}}]}
                """.formatted(other.port()), "application/json").expectProblem(409).json();

        assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo("/listeners/0");
        assertThat(problem.path("detail").asString()).contains("Port " + other.port());
        assertThat(setup.revision()).isEqualTo(revision);
        assertThat(setup.client().get(setup.lb() + "/target-groups").json().path("items")).as("nothing half-written")
                .isEmpty();
    }

    @Test
    void theNameIsNotChangedByADocument() {
        Setup setup = emptyLoadBalancer("decl-name");
        setup.client().send("PUT", setup.configuration(), "{\"name\":\"other\"}", "application/json")
                .expectProblem(400);
        setup.client().send("PUT", setup.configuration(), "{\"name\":\"shop\"}", "application/json").expectStatus(200);
        assertThat(JSON.readTree(setup.client().get(setup.lb()).body()).path("name").asString()).isEqualTo("shop");
    }
}
