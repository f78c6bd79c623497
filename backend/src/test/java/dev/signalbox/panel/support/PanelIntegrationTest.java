package dev.signalbox.panel.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole panel on a random port against the embedded services.
 * Every subclass shares one application context (same configuration), so it starts once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"signalbox.publish.relay-interval=50ms", "logging.level.org.apache.kafka=WARN",
                // low enough that a test can reach it in a few requests
                "signalbox.limits.listeners-per-load-balancer=4"})
public abstract class PanelIntegrationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.register(registry);
    }

    protected ApiClient newClient() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** Signs a new tenant up (its admin is logged in on the returned client). */
    protected ApiClient signUp(String slug) {
        ApiClient client = newClient();
        ApiClient.Response response = client.post("/api/v1/signup", """
                {"tenantSlug":"%s","tenantName":"Tenant %s","email":"admin@%s.example","password":"correct horse battery","displayName":"Admin"}
                """.formatted(slug, slug, slug));
        response.expectStatus(201);
        return client;
    }

    /** A unique DNS-label-safe slug, so tests never collide on the shared database. */
    protected static String uniqueSlug(String base) {
        return base + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
