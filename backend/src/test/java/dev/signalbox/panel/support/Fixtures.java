package dev.signalbox.panel.support;

import tools.jackson.databind.JsonNode;

/** Builds a small configuration through the API and remembers the ids. */
public final class Fixtures {

    private Fixtures() {
    }

    public record LoadBalancerSetup(String loadBalancerId, String targetGroupId, String targetId, String listenerId) {
    }

    /** Load balancer → target group → one target → HTTP listener on {@code port}. */
    public static LoadBalancerSetup loadBalancerWithEverything(ApiClient client, String name, int port) {
        String lb = client.post("/api/v1/load-balancers", "{\"name\":\"" + name + "\"}").expectStatus(201).json()
                .path("id").asString();
        String tg = client.post("/api/v1/load-balancers/" + lb + "/target-groups", "{\"name\":\"web\"}")
                .expectStatus(201).json().path("id").asString();
        JsonNode targets = client.post("/api/v1/load-balancers/" + lb + "/target-groups/" + tg + "/targets",
                "{\"targets\":[{\"host\":\"127.0.0.1\",\"port\":9001}]}").expectStatus(200).json();
        String target = targets.path("items").get(0).path("id").asString();
        String listener = client.post("/api/v1/load-balancers/" + lb + "/listeners",
                "{\"protocol\":\"HTTP\",\"port\":" + port + ",\"defaultAction\":{\"type\":\"FORWARD\",\"targetGroupId\":\""
                        + tg + "\"}}").expectStatus(201).json().path("id").asString();
        return new LoadBalancerSetup(lb, tg, target, listener);
    }
}
