package dev.signalbox.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A freshly signed-up tenant, driven through the API with a token as a CI pipeline would. */
final class TenantApi {

    final PanelClient api;

    private TenantApi(PanelClient api) {
        this.api = api;
    }

    static TenantApi signUp(URI panelUrl, String slug) {
        String email = "ci@" + slug + ".test";
        String password = "a-long-password-" + slug;
        PanelClient console = PanelClient.console(panelUrl);
        console.post("/signup", Map.of("tenantSlug", slug, "tenantName", slug, "email", email,
                "password", password, "displayName", "CI " + slug));
        console.post("/session", Map.of("email", email, "password", password));
        String token = console.post("/tokens", Map.of("name", "ci", "scopes", List.of("read", "write")))
                .path("token").asString();
        assertThat(token).startsWith("sbx_");
        return new TenantApi(PanelClient.withToken(panelUrl, token));
    }

    /** A load balancer with a round-robin target group holding {@code targetPorts}, not yet listening. */
    LoadBalancerUnderTest loadBalancer(String name, int... targetPorts) {
        JsonNode lb = api.post("/load-balancers", Map.of("name", name));
        String path = "/load-balancers/" + lb.path("id").asString();
        String targetGroupId = api.post(path + "/target-groups", DemoData.targetGroup("web")).path("id").asString();
        LoadBalancerUnderTest created = new LoadBalancerUnderTest(this, path, lb.path("dnsName").asString(), targetGroupId);
        for (int port : targetPorts) {
            created.register(port);
        }
        return created;
    }

    /** One load balancer of this tenant and its single target group. */
    record LoadBalancerUnderTest(TenantApi tenant, String path, String dnsName, String targetGroupId) {

        String targetsPath() {
            return path + "/target-groups/" + targetGroupId + "/targets";
        }

        void register(int port) {
            tenant.api.post(targetsPath(), Map.of("targets", List.of(DemoData.target(port))));
        }

        void deregister(int port) {
            for (JsonNode target : tenant.api.get(targetsPath()).path("items")) {
                if (target.path("port").asInt() == port) {
                    tenant.api.delete(targetsPath() + "/" + target.path("id").asString());
                    return;
                }
            }
            throw new AssertionError("No target on port " + port + " in " + targetsPath());
        }

        void listen(int port) {
            tenant.api.post(path + "/listeners", DemoData.listener(port, targetGroupId));
        }

        /** Waits until {@code nodeId} reports the load balancer's current revision as applied. */
        JsonNode awaitAppliedBy(String nodeId, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            JsonNode lb = tenant.api.get(path);
            while (System.nanoTime() < deadline) {
                lb = tenant.api.get(path);
                for (JsonNode node : lb.path("nodes")) {
                    if (node.path("nodeId").asString().equals(nodeId)
                            && node.path("appliedRevision").asLong() == lb.path("revision").asLong()) {
                        return lb;
                    }
                }
                Thread.sleep(200);
            }
            throw new AssertionError(nodeId + " did not report revision " + lb.path("revision") + " within "
                    + timeout + ": " + lb);
        }
    }
}
