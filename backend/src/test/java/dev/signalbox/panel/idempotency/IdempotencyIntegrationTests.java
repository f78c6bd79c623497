package dev.signalbox.panel.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.signalbox.panel.rowsecurity.RowScope;
import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.ApiClient.Response;
import dev.signalbox.panel.support.Fixtures;
import dev.signalbox.panel.support.Fixtures.LoadBalancerSetup;
import dev.signalbox.panel.support.PanelIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Retried creates with an Idempotency-Key return the first response and create nothing again. */
class IdempotencyIntegrationTests extends PanelIntegrationTest {

    private static final String LBS = "/api/v1/load-balancers";

    @Autowired
    private DataSource dataSource;

    @Autowired
    private IdempotencyPurge purge;

    @Test
    void aRetryWithTheSameKeyGetsTheFirstResponseAndCreatesNothing() {
        ApiClient client = signUp(uniqueSlug("idem"));
        Map<String, String> key = key();
        Response first = client.send("POST", LBS, "{\"name\":\"shop\"}", key).expectStatus(201);
        Response retry = client.send("POST", LBS, "{\"name\":\"shop\"}", key).expectStatus(201);

        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).isPresent();
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag")).isPresent();
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(client.get(LBS).json().path("items")).hasSize(1);

        String lb = first.header("Location").orElseThrow();
        Map<String, String> targetsKey = key();
        String targets = lb + "/target-groups/" + client.post(lb + "/target-groups", "{\"name\":\"web\"}")
                .expectStatus(201).json().path("id").asString() + "/targets";
        String body = "{\"targets\":[{\"host\":\"10.0.0.1\",\"port\":80}]}";
        Response registered = client.send("POST", targets, body, targetsKey).expectStatus(200);
        long revision = client.get(lb).json().path("revision").asLong();
        assertThat(client.send("POST", targets, body, targetsKey).expectStatus(200).json()).isEqualTo(registered.json());
        assertThat(client.get(lb).json().path("revision").asLong()).as("no new revision").isEqualTo(revision);
    }

    @Test
    void theSameKeyForAnotherRequestIsA422() {
        ApiClient client = signUp(uniqueSlug("idem-reuse"));
        Map<String, String> key = key();
        client.send("POST", LBS, "{\"name\":\"shop\"}", key).expectStatus(201);

        Response reused = client.send("POST", LBS, "{\"name\":\"other\"}", key).expectProblem(422);
        assertThat(reused.json().path("type").asString()).isEqualTo("https://signalbox.dev/problems/idempotency-key-reused");
        String lb = client.get(LBS).json().path("items").get(0).path("id").asString();
        client.send("POST", LBS + "/" + lb + "/target-groups", "{\"name\":\"shop\"}", key).expectProblem(422);
        assertThat(client.get(LBS).json().path("items")).hasSize(1);
        assertThat(client.get(LBS + "/" + lb + "/target-groups").json().path("items")).isEmpty();
    }

    @Test
    void keysBelongToTheirTenantAndFailuresAreNotRemembered() {
        ApiClient one = signUp(uniqueSlug("idem-one"));
        ApiClient two = signUp(uniqueSlug("idem-two"));
        Map<String, String> key = key();
        String first = one.send("POST", LBS, "{\"name\":\"shop\"}", key).expectStatus(201).json().path("id").asString();
        String second = two.send("POST", LBS, "{\"name\":\"shop\"}", key).expectStatus(201).json().path("id").asString();
        assertThat(second).isNotEqualTo(first);

        // a conflict is not remembered: once it is resolved, the same key creates
        Map<String, String> retried = key();
        one.send("POST", LBS, "{\"name\":\"shop\"}", retried).expectProblem(409);
        one.delete(LBS + "/" + first).expectStatus(204);
        Response created = one.send("POST", LBS, "{\"name\":\"shop\"}", retried).expectStatus(201);
        assertThat(created.header("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void aDuplicateWhileTheFirstStillRunsIsA409InProgress() throws Exception {
        ApiClient client = signUp(uniqueSlug("idem-race"));
        LoadBalancerSetup setup = Fixtures.loadBalancerWithEverything(client, "shop", 8080);
        String groups = LBS + "/" + setup.loadBalancerId() + "/target-groups";
        Map<String, String> key = key();
        CompletableFuture<Response> first;
        // the connection sees every tenant's rows (row-level security), as the test's lock needs
        try (RowScope.Entered system = RowScope.enterSystem(); Connection blocker = dataSource.getConnection()) {
            // hold the load balancer's row, so the first request stops inside its transaction
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("select id from load_balancers where id = ? for update")) {
                lock.setObject(1, UUID.fromString(setup.loadBalancerId()));
                lock.executeQuery().close();
            }
            first = CompletableFuture.supplyAsync(() -> client.send("POST", groups, "{\"name\":\"api\"}", key));
            awaitBlockedBackend();

            Response duplicate = client.send("POST", groups, "{\"name\":\"api\"}", key).expectProblem(409);
            assertThat(duplicate.json().path("type").asString())
                    .isEqualTo("https://signalbox.dev/problems/idempotency-in-progress");
            blocker.rollback();
        }
        Response created = first.get(20, TimeUnit.SECONDS).expectStatus(201);
        Response replayed = client.send("POST", groups, "{\"name\":\"api\"}", key).expectStatus(201);
        assertThat(replayed.json().path("id")).isEqualTo(created.json().path("id"));
        assertThat(client.get(groups + "?name=api").json().path("items")).hasSize(1);
    }

    @Test
    void keysExpireAfterTheRetentionAndArePurged() {
        ApiClient client = signUp(uniqueSlug("idem-expiry"));
        String key = "expiring-" + UUID.randomUUID();
        client.send("POST", LBS, "{\"name\":\"old\"}", Map.of("Idempotency-Key", key)).expectStatus(201);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        RowScope.system(() -> jdbc.sql("update idempotency_keys set created_at = now() - interval '25 hours'"
                + " where idempotency_key = ?").param(key).update());

        // past the retention the key is free again: another request with it is a new request
        client.send("POST", LBS, "{\"name\":\"new\"}", Map.of("Idempotency-Key", key)).expectStatus(201);
        assertThat(client.get(LBS).json().path("items")).hasSize(2);

        RowScope.system(() -> jdbc.sql("update idempotency_keys set created_at = now() - interval '25 hours'"
                + " where idempotency_key = ?").param(key).update());
        assertThat(purge.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(RowScope.system(() -> jdbc.sql("select count(*) from idempotency_keys where idempotency_key = ?")
                .param(key).query(Long.class).single())).isZero();
    }

    @Test
    void tokenCreationRefusesAKeyBecauseItsSecretMustNotBeStored() {
        ApiClient client = signUp(uniqueSlug("idem-token"));
        client.send("POST", "/api/v1/tokens", "{\"name\":\"ci\",\"scopes\":[\"read\"]}", key()).expectProblem(400);
        assertThat(client.get("/api/v1/tokens").json().path("items")).isEmpty();
    }

    private static Map<String, String> key() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }

    private void awaitBlockedBackend() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement waiting = connection.prepareStatement(
                        // pg_locks, unlike pg_stat_activity, shows other sessions' waits to the panel's unprivileged role
                        "select count(*) from pg_locks where not granted")) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("The first request never reached the locked row");
    }
}
