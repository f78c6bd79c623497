package dev.signalbox.devstack;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Creates the demo tenant through the panel's REST API, exactly as a user and a CI pipeline would:
 * sign up, log in, create an API token, then with the token a load balancer, a target group with
 * the two demo targets and an HTTP listener.
 */
public final class DemoData {

    public static final String EMAIL = "demo@acme.test";
    public static final String PASSWORD = "demo-password-1";

    private DemoData() {
    }

    /** What the banner shows. */
    public record DemoSetup(String apiToken, String dnsName, int listenerPort) {
    }

    public static DemoSetup create(URI panelUrl, DemoTargets targets, int listenerPort) {
        PanelClient console = PanelClient.console(panelUrl);
        console.post("/signup", Map.of(
                "tenantSlug", "acme",
                "tenantName", "Acme",
                "email", EMAIL,
                "password", PASSWORD,
                "displayName", "Demo"));
        console.post("/session", Map.of("email", EMAIL, "password", PASSWORD));
        String token = console.post("/tokens", Map.of(
                "name", "demo", "scopes", List.of("read", "write"), "expiresInDays", 30)).path("token").asString();

        PanelClient api = PanelClient.withToken(panelUrl, token);
        JsonNode loadBalancer = api.post("/load-balancers", Map.of("name", "demo"));
        String lb = "/load-balancers/" + loadBalancer.path("id").asString();
        String targetGroupId = api.post(lb + "/target-groups", targetGroup("web")).path("id").asString();
        api.post(lb + "/target-groups/" + targetGroupId + "/targets", Map.of("targets", List.of(
                target(targets.port(1)), target(targets.port(2)))));
        api.post(lb + "/listeners", listener(listenerPort, targetGroupId));

        String dnsName = loadBalancer.path("dnsName").asString();
        awaitRouting(listenerPort, dnsName, Duration.ofSeconds(60));
        return new DemoSetup(token, dnsName, listenerPort);
    }

    /** A round-robin HTTP target group whose health checks hit the demo targets' {@code /health}. */
    public static Map<String, Object> targetGroup(String name) {
        return Map.of(
                "name", name,
                "protocol", "HTTP",
                "algorithm", "ROUND_ROBIN",
                "healthCheck", Map.of(
                        "protocol", "HTTP",
                        "path", "/health",
                        "intervalSeconds", 5,
                        "timeoutSeconds", 2,
                        "healthyThreshold", 2,
                        "unhealthyThreshold", 2));
    }

    public static Map<String, Object> target(int port) {
        return Map.of("host", "127.0.0.1", "port", port, "weight", 1);
    }

    public static Map<String, Object> listener(int port, String targetGroupId) {
        return Map.of(
                "protocol", "HTTP",
                "port", port,
                "defaultAction", Map.of("type", "FORWARD", "targetGroupId", targetGroupId));
    }

    /**
     * Waits until the gateway node routes {@code host} on the listener to a demo target. Ends after an
     * answer from target 2, so that the developer's first request starts the rotation at target 1.
     */
    public static void awaitRouting(int listenerPort, String host, Duration timeout) {
        ListenerClient client = new ListenerClient(listenerPort, Duration.ofSeconds(5));
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "nothing listening yet";
        while (System.nanoTime() < deadline) {
            try {
                ListenerClient.Reply reply = client.get(host, "/");
                if (reply.status() == 200 && reply.body().equals(DemoTargets.greetingOf(2))) {
                    return;
                }
                last = reply.status() + " " + reply.body();
            } catch (IOException e) {
                last = e.toString();
            }
            if (!last.contains("Hello from target")) {
                pause();
            }
        }
        throw new IllegalStateException("The gateway node did not route " + host + ":" + listenerPort
                + " within " + timeout + "; last answer: " + last);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
