package dev.signalbox.panel.auth;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.PanelIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login throttling and session lifetimes with small limits (a context of its own). Every client
 * claims its own source address through X-Forwarded-For, trusted here from loopback only, so the
 * per-address counts of different tests never meet.
 */
@TestPropertySource(properties = {
        "server.forward-headers-strategy=native",
        "signalbox.auth.login-throttle.slowdown-after=2",
        "signalbox.auth.login-throttle.slowdown-base=1s",
        "signalbox.auth.login-throttle.account-max-failures=4",
        "signalbox.auth.login-throttle.address-max-failures=6",
        "signalbox.auth.login-throttle.lockout=15m",
        "signalbox.auth.session.idle-timeout=2s",
        "signalbox.auth.session.absolute-lifetime=5s"})
class LoginProtectionIntegrationTests extends PanelIntegrationTest {

    @Test
    void repeatedFailuresSlowDownThenLockTheAccountEvenForTheRightPassword() throws InterruptedException {
        String slug = uniqueSlug("throttle");
        ApiClient admin = signUp(slug);
        // sessions idle out after 2 s here; the audit log is read with a token at the end
        ApiClient auditor = admin.withToken(admin.post("/api/v1/tokens", "{\"name\":\"audit\",\"scopes\":[\"read\"]}")
                .expectStatus(201).json().path("token").asString());
        String email = "admin@" + slug + ".example";
        ApiClient attacker = newClient().forwardedFor(randomAddress());

        attacker.post("/api/v1/session", loginBody(email, "wrong password 1")).expectProblem(401);
        attacker.post("/api/v1/session", loginBody(email, "wrong password 2")).expectProblem(401);
        ApiClient.Response slowed = attacker.post("/api/v1/session", loginBody(email, "wrong password 3")).expectProblem(429);
        assertThat(slowed.raw().headers().firstValue("Retry-After")).hasValue("1");
        ApiClient owner = newClient().forwardedFor(randomAddress());
        owner.post("/api/v1/session", loginBody(email, PASSWORD)).expectProblem(429);

        Thread.sleep(1100);
        attacker.post("/api/v1/session", loginBody(email, "wrong password 3")).expectProblem(401);
        Thread.sleep(2100);
        attacker.post("/api/v1/session", loginBody(email, "wrong password 4")).expectProblem(401);
        ApiClient.Response locked = owner.post("/api/v1/session", loginBody(email, PASSWORD)).expectProblem(429);
        long retryAfter = Long.parseLong(locked.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(Duration.ofMinutes(14).toSeconds(), Duration.ofMinutes(15).toSeconds());

        var actions = StreamSupport.stream(auditor.get("/api/v1/audit-events?limit=200").expectStatus(200).json()
                .path("items").spliterator(), false).map(e -> e.path("action").asString()).toList();
        assertThat(actions).filteredOn("session.login-failed"::equals).hasSize(4);
        assertThat(actions).contains("session.locked-out");
    }

    @Test
    void oneAddressFailingAcrossManyAccountsIsLocked() {
        ApiClient sprayer = newClient().forwardedFor(randomAddress());
        for (int i = 0; i < 6; i++) {
            sprayer.post("/api/v1/session", loginBody("nobody-" + i + "@" + uniqueSlug("spray") + ".example",
                    "guessed password")).expectProblem(401);
        }
        String slug = uniqueSlug("sprayed");
        signUp(slug);
        sprayer.post("/api/v1/session", loginBody("admin@" + slug + ".example", PASSWORD)).expectProblem(429);
        newClient().forwardedFor(randomAddress()).post("/api/v1/session", loginBody("admin@" + slug + ".example", PASSWORD))
                .expectStatus(200);
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        String slug = uniqueSlug("reset");
        signUp(slug);
        String email = "admin@" + slug + ".example";
        ApiClient client = newClient().forwardedFor(randomAddress());
        client.post("/api/v1/session", loginBody(email, "wrong password 1")).expectProblem(401);
        client.post("/api/v1/session", loginBody(email, PASSWORD)).expectStatus(200);
        client.post("/api/v1/session", loginBody(email, "wrong password 2")).expectProblem(401);
        client.post("/api/v1/session", loginBody(email, "wrong password 3")).expectProblem(401);
    }

    @Test
    void anIdleSessionEnds() throws InterruptedException {
        ApiClient client = signUp(uniqueSlug("idle"));
        client.get("/api/v1/session").expectStatus(200);
        Thread.sleep(3100);
        client.get("/api/v1/session").expectProblem(401);
    }

    @Test
    void aBusySessionEndsAfterItsAbsoluteLifetime() throws InterruptedException {
        ApiClient client = signUp(uniqueSlug("absolute"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = 200;
        int polls = 0;
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            status = client.get("/api/v1/session").status();
            polls++;
        }
        assertThat(status).isEqualTo(401);
        assertThat(polls).as("ended by the 5 s lifetime, not by idleness").isBetween(5, 7);
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
