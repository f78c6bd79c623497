package dev.signalbox.panel;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.panel.support.Fixtures;
import dev.signalbox.panel.support.TestCertificate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Listeners, host names, rules, target groups and targets through the API, across load balancers and tenants. */
class ResourceModelIntegrationTests extends PanelIntegrationTest {

    private static final String LB = "/api/v1/load-balancers";

    @Test
    void httpListenersShareAPortUntilTheirHostNamesCollideAcrossTenants() {
        String slugA = uniqueSlug("hosta");
        ApiClient a = signUp(slugA);
        ApiClient b = signUp(uniqueSlug("hostb"));
        int port = uniquePort();
        String host = "www." + slugA + ".example";
        String lbA = a.post(LB, "{\"name\":\"secret-name\",\"hostNames\":[\"" + host.toUpperCase() + "\"]}")
                .expectStatus(201).json().path("id").asString();
        assertThat(a.get(LB + "/" + lbA).json().path("hostNames").get(0).asString()).isEqualTo(host);
        listener(a, lbA, "HTTP", port, group(a, lbA, "web", "HTTP")).expectStatus(201);
        String lbB = b.post(LB, "{\"name\":\"other\"}").expectStatus(201).json().path("id").asString();
        listener(b, lbB, "HTTP", port, group(b, lbB, "web", "HTTP")).expectStatus(201);

        ApiClient.Response taken = b.send("PUT", LB + "/" + lbB, "{\"hostNames\":[\"" + host + "\"]}", "application/json")
                .expectProblem(409);
        assertThat(taken.json().path("detail").asString()).contains(host).contains("port " + port)
                .contains("another load balancer").doesNotContain("secret-name").doesNotContain(slugA + ".lb");

        // the name is free on another port; a listener on the shared port then collides
        String lbC = b.post(LB, "{\"name\":\"third\",\"hostNames\":[\"" + host + "\"]}").expectStatus(201).json()
                .path("id").asString();
        listener(b, lbC, "HTTP", port, group(b, lbC, "web", "HTTP")).expectProblem(409);
        listener(b, lbC, "HTTP", uniquePort(), group(b, lbC, "api", "HTTP")).expectStatus(201);
        b.send("PUT", LB + "/" + lbC, "{\"hostNames\":[\"generated.lb.localhost\"]}", "application/json")
                .expectProblem(400);
    }

    @Test
    void aTcpListenerOwnsItsPortAndHttpAndHttpsNeverShareOne() {
        ApiClient a = signUp(uniqueSlug("tcpa"));
        ApiClient b = signUp(uniqueSlug("tcpb"));
        String lbA = a.post(LB, "{\"name\":\"db\"}").expectStatus(201).json().path("id").asString();
        String lbB = b.post(LB, "{\"name\":\"web\"}").expectStatus(201).json().path("id").asString();
        String tcpGroup = group(a, lbA, "pg", "TCP");
        String httpGroupB = group(b, lbB, "web", "HTTP");
        int tcpPort = uniquePort();
        int httpPort = uniquePort();

        listener(a, lbA, "TCP", tcpPort, group(a, lbA, "http-in-tcp", "HTTP")).expectProblem(400);
        listener(a, lbA, "TCP", tcpPort, tcpGroup).expectStatus(201);
        String detail = listener(b, lbB, "HTTP", tcpPort, httpGroupB).expectProblem(409).json().path("detail").asString();
        assertThat(detail).contains("TCP listener of another load balancer");
        listener(b, lbB, "TCP", tcpPort, group(b, lbB, "tcp", "TCP")).expectProblem(409);

        listener(b, lbB, "HTTP", httpPort, httpGroupB).expectStatus(201);
        assertThat(listener(a, lbA, "TCP", httpPort, tcpGroup).expectProblem(409).json().path("detail").asString())
                .contains("needs a port of its own");
        String https = "{\"protocol\":\"HTTPS\",\"port\":" + httpPort + ",\"certificateIds\":[\""
                + Fixtures.certificate(a, "www", TestCertificate.selfSigned("www.a.example")) + "\"],\"defaultAction\":{\"type\":\"FIXED_RESPONSE\",\"fixedResponse\":{\"statusCode\":404}}}";
        assertThat(a.post(LB + "/" + lbA + "/listeners", https).expectProblem(409).json().path("detail").asString())
                .contains("serves HTTP for another load balancer");
        JsonNode created = a.post(LB + "/" + lbA + "/listeners", https.replace(":" + httpPort + ",", ":" + uniquePort() + ","))
                .expectStatus(201).json();
        assertThat(created.path("tlsPolicy").asString()).isEqualTo("Signalbox-TLS13-1-2-2026-01");

        // deleting the TCP listener frees its port for others
        String tcpListener = a.get(LB + "/" + lbA + "/listeners").json().path("items").get(0).path("id").asString();
        a.delete(LB + "/" + lbA + "/listeners/" + tcpListener).expectStatus(204);
        listener(b, lbB, "HTTP", tcpPort, httpGroupB).expectStatus(201);
    }

    @Test
    void rulesHaveUniquePrioritiesWarnWhenShadowedAndDoNotExistOnTcpListeners() {
        ApiClient client = signUp(uniqueSlug("rules"));
        String lb = client.post(LB, "{\"name\":\"shop\"}").expectStatus(201).json().path("id").asString();
        String web = group(client, lb, "web", "HTTP");
        String canary = group(client, lb, "canary", "HTTP");
        String listener = listener(client, lb, "HTTP", uniquePort(), web).expectStatus(201).json().path("id").asString();
        String rules = LB + "/" + lb + "/listeners/" + listener + "/rules";

        JsonNode broad = client.post(rules, rule(10, "/api/*", canary)).expectStatus(201).json();
        assertThat(broad.path("warnings")).isEmpty();
        client.post(rules, rule(10, "/other/*", canary)).expectProblem(409);
        JsonNode shadowed = client.post(rules, rule(20, "/api/v1/*", web)).expectStatus(201).json();
        assertThat(shadowed.path("warnings").get(0).asString()).contains("never match").contains("priority 10");
        assertThat(client.post(rules, rule(30, "/blog/*", web)).expectStatus(201).json().path("warnings")).isEmpty();
        assertThat(client.get(rules).json().path("items")).extracting(item -> item.path("priority").asInt())
                .containsExactly(10, 20, 30);

        // weighted forward with group stickiness, then the group is in use
        String weighted = "{\"priority\":40,\"conditions\":[{\"field\":\"http-header\",\"httpHeaderName\":\"X-Canary\","
                + "\"values\":[\"on\"]}],\"action\":{\"type\":\"FORWARD\",\"targetGroups\":[{\"targetGroupId\":\"" + web
                + "\",\"weight\":90},{\"targetGroupId\":\"" + canary + "\",\"weight\":10}],\"stickinessSeconds\":600}}";
        JsonNode created = client.post(rules, weighted).expectStatus(201).json();
        assertThat(created.path("action").path("targetGroups")).hasSize(2);
        assertThat(created.path("action").path("stickinessSeconds").asInt()).isEqualTo(600);
        client.delete(LB + "/" + lb + "/target-groups/" + canary).expectProblem(409);
        String ruleId = broad.path("id").asString();
        client.send("PUT", rules + "/" + ruleId, rule(15, "/api/*", web), "application/json").expectStatus(200);
        client.send("PUT", rules + "/" + created.path("id").asString(), rule(40, "/x", web), "application/json")
                .expectStatus(200);
        client.delete(LB + "/" + lb + "/target-groups/" + canary).expectStatus(204);

        String tcpListener = listener(client, lb, "TCP", uniquePort(), group(client, lb, "tcp", "TCP")).expectStatus(201)
                .json().path("id").asString();
        client.post(LB + "/" + lb + "/listeners/" + tcpListener + "/rules", rule(1, "/a", web)).expectProblem(409);
        assertThat(client.get(LB + "/" + lb + "/listeners/" + tcpListener + "/rules").json().path("items")).isEmpty();
    }

    @Test
    void invalidConditionsAndActionsAreReportedAllAtOnceWithPointers() {
        ApiClient client = signUp(uniqueSlug("valid"));
        String lb = client.post(LB, "{\"name\":\"shop\"}").expectStatus(201).json().path("id").asString();
        String web = group(client, lb, "web", "HTTP");
        String listener = listener(client, lb, "HTTP", uniquePort(), web).expectStatus(201).json().path("id").asString();
        String rules = LB + "/" + lb + "/listeners/" + listener + "/rules";
        String bad = "{\"priority\":5,\"conditions\":[{\"field\":\"source-ip\",\"values\":[\"10.0.0.1/8\"]},"
                + "{\"field\":\"path-pattern\",\"values\":[\"no-slash\"]}],"
                + "\"action\":{\"type\":\"REDIRECT\",\"redirect\":{\"host\":\"#{hostname}\"}}}";

        JsonNode problem = client.post(rules, bad).expectProblem(400).json();

        assertThat(problem.path("errors")).extracting(error -> error.path("pointer").asString()).containsExactly(
                "/conditions/0/values/0", "/conditions/1/values/0", "/action/redirect/host");
        assertThat(problem.path("errors").get(0).path("detail").asString()).contains("did you mean 10.0.0.0/8");
        String tooMany = "{\"priority\":6,\"conditions\":[{\"field\":\"host-header\",\"values\":[\"a.test\",\"b.test\","
                + "\"c.test\"]},{\"field\":\"http-request-method\",\"values\":[\"GET\",\"POST\",\"PUT\"]}],"
                + "\"action\":{\"type\":\"FIXED_RESPONSE\",\"fixedResponse\":{\"statusCode\":418,\"messageBody\":\"tea\"}}}";
        assertThat(client.post(rules, tooMany).expectProblem(400).json().path("detail").asString())
                .contains("signalbox.limits.condition-values-per-rule = 5");
        assertThat(client.get(rules).json().path("items")).as("nothing half-written").isEmpty();
    }

    @Test
    void limitsAreA409NamingTheLimit() {
        ApiClient client = signUp(uniqueSlug("limits"));
        String lb = client.post(LB, "{\"name\":\"shop\"}").expectStatus(201).json().path("id").asString();
        String web = group(client, lb, "web", "HTTP");
        for (int i = 0; i < 4; i++) {
            listener(client, lb, "HTTP", uniquePort(), web).expectStatus(201);
        }

        JsonNode problem = listener(client, lb, "HTTP", uniquePort(), web).expectProblem(409).json();

        assertThat(problem.path("type").asString()).endsWith("/limit-exceeded");
        assertThat(problem.path("limit").asString()).isEqualTo("signalbox.limits.listeners-per-load-balancer");
        assertThat(problem.path("limitValue").asInt()).isEqualTo(4);
    }

    @Test
    void targetGroupsTakeSettingsAndTargetsRegisterAndDeregisterInBatches() {
        ApiClient client = signUp(uniqueSlug("groups"));
        String lb = client.post(LB, "{\"name\":\"shop\"}").expectStatus(201).json().path("id").asString();
        JsonNode group = client.post(LB + "/" + lb + "/target-groups", "{\"name\":\"app\",\"port\":8080,"
                + "\"algorithm\":\"CONSISTENT_HASH\",\"attributes\":{\"slowStartSeconds\":60}}").expectStatus(201).json();
        assertThat(group.path("hashKey").path("type").asString()).isEqualTo("SOURCE_IP");
        assertThat(group.path("attributes").path("deregistrationDelaySeconds").asInt()).isEqualTo(300);
        assertThat(group.path("healthCheck").path("intervalSeconds").asInt()).isEqualTo(30);
        String tg = LB + "/" + lb + "/target-groups/" + group.path("id").asString();

        client.send("PUT", tg, "{\"name\":\"app\",\"port\":8080,\"attributes\":{\"slowStartSeconds\":10}}",
                "application/json").expectProblem(400);
        client.send("PUT", tg, "{\"name\":\"app\",\"protocol\":\"TCP\"}", "application/json").expectProblem(400);
        JsonNode updated = client.send("PUT", tg, "{\"name\":\"app2\",\"port\":8080,\"algorithm\":\"LEAST_CONNECTIONS\","
                + "\"healthCheck\":{\"intervalSeconds\":10,\"timeoutSeconds\":10}}", "application/json").expectProblem(400)
                .json();
        assertThat(updated.path("errors").get(0).path("pointer").asString()).isEqualTo("/healthCheck/timeoutSeconds");
        assertThat(client.send("PUT", tg, "{\"name\":\"app2\",\"port\":8080,\"algorithm\":\"LEAST_CONNECTIONS\"}",
                "application/json").expectStatus(200).json().path("algorithm").asString()).isEqualTo("LEAST_CONNECTIONS");

        JsonNode targets = client.post(tg + "/targets", "{\"targets\":[{\"host\":\"10.0.0.1\"},{\"host\":\"10.0.0.2\","
                + "\"port\":9000,\"weight\":0}]}").expectStatus(200).json();
        assertThat(targets.path("items")).extracting(t -> t.path("port").asInt()).containsExactly(8080, 9000);
        JsonNode after = client.post(tg + "/targets/deregister", "{\"targets\":[{\"host\":\"10.0.0.1\"},"
                + "{\"host\":\"10.9.9.9\",\"port\":1}]}").expectStatus(200).json();
        assertThat(after.path("items")).extracting(t -> t.path("host").asString()).containsExactly("10.0.0.2");
    }

    private static ApiClient.Response listener(ApiClient client, String lb, String protocol, int port, String group) {
        return client.post(LB + "/" + lb + "/listeners", "{\"protocol\":\"" + protocol + "\",\"port\":" + port
                + ",\"defaultAction\":{\"type\":\"FORWARD\",\"targetGroupId\":\"" + group + "\"}}");
    }

    private static String group(ApiClient client, String lb, String name, String protocol) {
        return client.post(LB + "/" + lb + "/target-groups", "{\"name\":\"" + name + "\",\"protocol\":\"" + protocol
                + "\"}").expectStatus(201).json().path("id").asString();
    }

    private static String rule(int priority, String path, String group) {
        return "{\"priority\":" + priority + ",\"conditions\":[{\"field\":\"path-pattern\",\"values\":[\"" + path
                + "\"]}],\"action\":{\"type\":\"FORWARD\",\"targetGroupId\":\"" + group + "\"}}";
    }
}
