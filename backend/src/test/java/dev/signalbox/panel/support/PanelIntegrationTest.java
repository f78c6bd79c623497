package dev.signalbox.panel.support;

import java.time.Duration;

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
                "signalbox.auth.operators=" + PanelIntegrationTest.OPERATOR_EMAIL,
                // low enough that a test can reach it in a few requests
                "signalbox.limits.listeners-per-load-balancer=4",
                // a loaded test machine must not let a node's health report expire between publishing and asserting
                "signalbox.telemetry.target-health-ttl=60s"})
public abstract class PanelIntegrationTest {

    /** The platform operator of the tests (signalbox.auth.operators), signed up once per test JVM. */
    public static final String OPERATOR_EMAIL = "operator@signalbox.test";
    protected static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.register(registry);
        registry.add("signalbox.data-plane-keys." + TestKeys.DATA_PLANE_KEY_ID, TestKeys::dataPlaneKey);
        registry.add("signalbox.certificates.at-rest-keys." + TestKeys.AT_REST_KEY_ID, TestKeys::atRestKey);
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

    /** A client signed in as the platform operator, whose own tenant is "platform-ops". */
    protected ApiClient operator() {
        ApiClient client = newClient();
        ApiClient.Response signup = client.post("/api/v1/signup", """
                {"tenantSlug":"platform-ops","tenantName":"Platform","email":"%s","password":"%s","displayName":"Operator"}
                """.formatted(OPERATOR_EMAIL, PASSWORD));
        if (signup.status() != 201) {
            client.post("/api/v1/session", loginBody(OPERATOR_EMAIL, PASSWORD)).expectStatus(200);
        }
        return client;
    }

    /**
     * Invites {@code email} as {@code role} through the API, follows the e-mailed link and accepts it;
     * returns a client signed in as the new user.
     */
    protected ApiClient addUser(ApiClient admin, String email, String role) {
        admin.post("/api/v1/invitations", "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}").expectStatus(201);
        Mailbox.AcceptLink link = Mailbox.latestTo(email, Duration.ofSeconds(10)).flatMap(Mailbox.Mail::acceptLink)
                .orElseThrow(() -> new AssertionError("No invitation e-mail with a link reached " + email));
        ApiClient user = newClient();
        user.post("/api/v1/invitations/accept", "{\"token\":\"" + link.token() + "\",\"displayName\":\"New\","
                + "\"password\":\"" + PASSWORD + "\"}").expectStatus(201);
        return user;
    }

    protected static String loginBody(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    /**
     * A listener port no other test of this run takes: ports are fleet-wide (a TCP listener owns its port
     * across tenants) and every test class shares the database, so random picks could collide.
     */
    protected static int uniquePort() {
        return NEXT_PORT.getAndIncrement();
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT =
            new java.util.concurrent.atomic.AtomicInteger(20_000);

    /** A unique DNS-label-safe slug, so tests never collide on the shared database. */
    protected static String uniqueSlug(String base) {
        return base + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
