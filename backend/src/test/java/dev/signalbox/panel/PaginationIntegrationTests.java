package dev.signalbox.panel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.Fixtures;
import dev.signalbox.panel.support.Fixtures.LoadBalancerSetup;
import dev.signalbox.panel.support.PanelIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every list pages with a cursor in a stable order and filters by name. */
class PaginationIntegrationTests extends PanelIntegrationTest {

    private static final String LBS = "/api/v1/load-balancers";

    @Test
    void walkingAllPagesWhileOthersInsertNeitherRepeatsNorMissesAnything() {
        ApiClient client = signUp(uniqueSlug("pages"));
        List<String> originals = List.of("lb-b", "lb-d", "lb-f", "lb-h", "lb-j", "lb-l", "lb-n");
        originals.forEach(name -> client.post(LBS, "{\"name\":\"" + name + "\"}").expectStatus(201));

        List<String> seenNames = new ArrayList<>();
        Set<String> seenIds = new LinkedHashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = client.get(LBS + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).expectStatus(200).json();
            assertThat(page.path("items").size()).isBetween(1, 2);
            for (JsonNode item : page.path("items")) {
                assertThat(seenIds.add(item.path("id").asString())).as("seen once: %s", item).isTrue();
                seenNames.add(item.path("name").asString());
            }
            // meanwhile, someone adds one load balancer before the cursor and one far after it
            client.post(LBS, "{\"name\":\"lb-a" + pages + "\"}").expectStatus(201);
            client.post(LBS, "{\"name\":\"lb-z" + pages + "\"}").expectStatus(201);
            cursor = page.path("nextCursor").isMissingNode() || page.path("nextCursor").isNull() ? null
                    : page.path("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 50);

        assertThat(seenNames).containsAll(originals).isSorted();
        assertThat(seenNames).as("inserted after the cursor, so they come up later").contains("lb-z0", "lb-z1");
        assertThat(seenNames).as("inserted before the cursor, so never shown").doesNotContain("lb-a1", "lb-a2");
    }

    @Test
    void loadBalancersFilterByTagAndRulesPageByPriority() {
        ApiClient client = signUp(uniqueSlug("tags"));
        client.post("/api/v1/load-balancers", "{\"name\":\"ta\",\"tags\":[{\"key\":\"team\",\"value\":\"web\"}]}")
                .expectStatus(201);
        client.post("/api/v1/load-balancers", "{\"name\":\"tb\",\"tags\":[{\"key\":\"team\",\"value\":\"data\"}]}")
                .expectStatus(201);
        client.post("/api/v1/load-balancers", "{\"name\":\"tc\",\"tags\":[{\"key\":\"team\"},"
                + "{\"key\":\"env\",\"value\":\"a=b\"}]}").expectStatus(201);
        assertThat(names(client.get("/api/v1/load-balancers?tag=team=web").expectStatus(200).json())).containsExactly("ta");
        assertThat(names(client.get("/api/v1/load-balancers?tag=team=").expectStatus(200).json())).containsExactly("tc");
        assertThat(names(client.get("/api/v1/load-balancers?tag=env=a=b").expectStatus(200).json())).containsExactly("tc");
        assertThat(names(client.get("/api/v1/load-balancers?tag=team=nobody").expectStatus(200).json())).isEmpty();
        assertThat(names(client.get("/api/v1/load-balancers?tag=team=data&namePrefix=tb").expectStatus(200).json()))
                .containsExactly("tb");

        LoadBalancerSetup setup = Fixtures.loadBalancerWithEverything(client, "rules", 18095);
        String rules = "/api/v1/load-balancers/" + setup.loadBalancerId() + "/listeners/" + setup.listenerId() + "/rules";
        for (int priority : new int[] {30, 10, 20}) {
            client.post(rules, "{\"priority\":" + priority + ",\"conditions\":[{\"field\":\"path-pattern\",\"values\":"
                    + "[\"/" + priority + "\"]}],\"action\":{\"type\":\"FIXED_RESPONSE\",\"fixedResponse\":"
                    + "{\"statusCode\":200}}}").expectStatus(201);
        }
        JsonNode first = client.get(rules + "?limit=2").expectStatus(200).json();
        assertThat(first.path("items")).extracting(rule -> rule.path("priority").asInt()).containsExactly(10, 20);
        JsonNode second = client.get(rules + "?limit=2&cursor=" + first.path("nextCursor").asString()).json();
        assertThat(second.path("items")).extracting(rule -> rule.path("priority").asInt()).containsExactly(30);
        assertThat(second.path("nextCursor").isMissingNode() || second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void namesFilterExactlyOrByPrefixWithWildcardsTakenLiterally() {
        ApiClient client = signUp(uniqueSlug("filters"));
        for (String name : List.of("web-a", "web-b", "api", "ab")) {
            client.post(LBS, "{\"name\":\"" + name + "\"}").expectStatus(201);
        }
        assertThat(names(client.get(LBS + "?name=web-b").json())).containsExactly("web-b");
        assertThat(names(client.get(LBS + "?name=web").json())).isEmpty();
        assertThat(names(client.get(LBS + "?namePrefix=web-").json())).containsExactly("web-a", "web-b");
        assertThat(names(client.get(LBS + "?namePrefix=a").json())).containsExactly("ab", "api");
        assertThat(names(client.get(LBS + "?namePrefix=a_").json())).as("_ is no wildcard").isEmpty();
        assertThat(names(client.get(LBS + "?namePrefix=%25").json())).as("%% is no wildcard").isEmpty();
        JsonNode firstPage = client.get(LBS + "?namePrefix=web-&limit=1").json();
        assertThat(names(firstPage)).containsExactly("web-a");
        assertThat(names(client.get(LBS + "?namePrefix=web-&limit=1&cursor=" + firstPage.path("nextCursor").asString())
                .json())).containsExactly("web-b");
    }

    @Test
    void everyListOfALoadBalancerPagesInItsOwnStableOrder() {
        ApiClient client = signUp(uniqueSlug("lists"));
        LoadBalancerSetup setup = Fixtures.loadBalancerWithEverything(client, "shop", 8080);
        String lb = LBS + "/" + setup.loadBalancerId();
        String tg = lb + "/target-groups/" + setup.targetGroupId();
        client.post(lb + "/target-groups", "{\"name\":\"api\"}").expectStatus(201);
        client.post(lb + "/target-groups", "{\"name\":\"zoo\"}").expectStatus(201);
        for (int port : List.of(9000, 7000)) {
            client.post(lb + "/listeners", "{\"protocol\":\"HTTP\",\"port\":" + port + ",\"defaultAction\":{\"type\":"
                    + "\"FORWARD\",\"targetGroupId\":\"" + setup.targetGroupId() + "\"}}").expectStatus(201);
        }
        client.post(tg + "/targets", "{\"targets\":[{\"host\":\"10.0.0.9\",\"port\":80}]}").expectStatus(200);
        client.post(tg + "/targets", "{\"targets\":[{\"host\":\"10.0.0.1\",\"port\":80}]}").expectStatus(200);

        assertThat(walk(client, lb + "/target-groups", "name")).containsExactly("api", "web", "zoo");
        assertThat(walk(client, lb + "/listeners", "port")).containsExactly("7000", "8080", "9000");
        assertThat(walk(client, tg + "/targets", "host")).as("in registration order")
                .containsExactly("127.0.0.1", "10.0.0.9", "10.0.0.1");
        assertThat(walk(client, lb + "/revisions", "revision")).as("newest first")
                .containsExactly("10", "9", "8", "7", "6", "5", "4", "3", "2", "1");
        assertThat(names(client.get(lb + "/target-groups?namePrefix=w").json())).containsExactly("web");

        for (String name : List.of("ci-b", "ci-a", "deploy")) {
            client.post("/api/v1/tokens", "{\"name\":\"" + name + "\",\"scopes\":[\"read\"]}").expectStatus(201);
        }
        assertThat(walk(client, "/api/v1/tokens", "name")).containsExactly("ci-a", "ci-b", "deploy");
        assertThat(names(client.get("/api/v1/tokens?namePrefix=ci-").json())).containsExactly("ci-a", "ci-b");
    }

    /** Reads a list two items at a time, returning one field of every item in order. */
    private static List<String> walk(ApiClient client, String path, String field) {
        List<String> values = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 20; page++) {
            JsonNode body = client.get(path + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).expectStatus(200)
                    .json();
            body.path("items").forEach(item -> values.add(item.path(field).asString()));
            JsonNode next = body.path("nextCursor");
            if (next.isMissingNode() || next.isNull()) {
                return values;
            }
            assertThat(body.path("items")).hasSize(2);
            cursor = next.asString();
        }
        throw new AssertionError("More than 20 pages of " + path);
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(item -> names.add(item.path("name").asString()));
        return names;
    }
}
