package dev.signalbox.panel.support;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds a small configuration through the API and remembers the ids. */
public final class Fixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    /** The body that uploads {@code certificate} with its PKCS#8 key under {@code name}. */
    public static String certificateBody(String name, TestCertificate certificate) {
        return certificateBody(name, certificate.chainPem(), certificate.pkcs8KeyPem());
    }

    public static String certificateBody(String name, String chainPem, String keyPem) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("certificateChain", chainPem);
        body.put("privateKey", keyPem);
        return JSON.writeValueAsString(body);
    }

    /** Uploads a certificate and returns its id. */
    public static String certificate(ApiClient client, String name, TestCertificate certificate) {
        return client.post("/api/v1/certificates", certificateBody(name, certificate)).expectStatus(201).json()
                .path("id").asString();
    }
}
