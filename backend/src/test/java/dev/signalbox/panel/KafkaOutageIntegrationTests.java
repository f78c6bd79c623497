package dev.signalbox.panel;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.signalbox.embedded.EmbeddedKafka;
import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.ConfigTopic;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.panel.support.TestServices;
import dev.signalbox.protocol.LoadBalancerSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KafkaOutageIntegrationTests extends PanelIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void changesMadeWhileKafkaIsDownArePublishedWhenItIsBack() {
        ApiClient client = signUp(uniqueSlug("outage"));
        String lbId = client.post("/api/v1/load-balancers", "{\"name\":\"resilient\"}").expectStatus(201).json()
                .path("id").asString();
        ConfigTopic.awaitLatest(lbId, m -> m.snapshot() != null, Duration.ofSeconds(30)).orElseThrow();

        EmbeddedKafka kafka = TestServices.kafka();
        kafka.stop();
        String tgId;
        try {
            long started = System.nanoTime();
            tgId = client.post("/api/v1/load-balancers/" + lbId + "/target-groups", "{\"name\":\"web\"}")
                    .expectStatus(201).json().path("id").asString();
            client.post("/api/v1/load-balancers/" + lbId + "/target-groups/" + tgId + "/targets",
                    "{\"targets\":[{\"host\":\"10.1.2.3\",\"port\":8080}]}").expectStatus(200);
            client.post("/api/v1/load-balancers/" + lbId + "/target-groups/" + tgId + "/targets",
                    "{\"targets\":[{\"host\":\"10.1.2.4\",\"port\":8080,\"weight\":5}]}").expectStatus(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("API calls never wait for Kafka")
                    .isLessThan(Duration.ofSeconds(5));
            // give the relay a few passes against the stopped broker: the rows must stay pending
            sleepMillis(1500);
            assertThat(pendingRows(lbId)).isEqualTo(3);
        } finally {
            kafka.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> pendingRows(lbId) == 0);
        LoadBalancerSnapshot latest = ConfigTopic.awaitLatest(lbId, m -> m.snapshot() != null
                && m.snapshot().revision() == 4, Duration.ofSeconds(30)).orElseThrow().snapshot();
        assertThat(latest.targetGroups().get(0).targets()).hasSize(2);
    }

    private long pendingRows(String loadBalancerId) {
        return jdbc.sql("select count(*) from outbox where published_at is null and load_balancer_id = ?::uuid")
                .param(loadBalancerId).query(Long.class).single();
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
