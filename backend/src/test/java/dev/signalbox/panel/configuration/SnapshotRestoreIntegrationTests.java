package dev.signalbox.panel.configuration;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.ConfigTopic;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published snapshot read back as a configuration is exactly the document GET shows for that
 * revision, so restoring a past revision (a rollback) can apply its snapshot like a PUT.
 */
class SnapshotRestoreIntegrationTests extends PanelIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aSnapshotReadsAsTheDocumentOfItsRevision() {
        String slug = uniqueSlug("decl-snapshot");
        ApiClient client = signUp(slug);
        String id = client.post("/api/v1/load-balancers", "{\"name\":\"shop\"}").expectStatus(201).json().path("id")
                .asString();
        String lb = "/api/v1/load-balancers/" + id;
        int port = uniquePort();
        long revision = client.send("PUT", lb + "/configuration", """
                {"hostNames":["www.%s.example"],"tags":[{"key":"team","value":"checkout"}],
                 "listeners":[{"port":%d,"protocol":"HTTP","defaultAction":{"type":"FORWARD","targetGroup":"web"},
                   "rules":[{"priority":5,"conditions":[{"field":"path-pattern","values":["/api/*"]}],
                             "action":{"type":"FORWARD","targetGroups":[{"name":"api","weight":2},{"name":"web"}]}},
                            {"priority":1,"action":{"type":"REDIRECT","redirect":{"protocol":"HTTPS"}}}]}],
                 "targetGroups":[{"name":"web","targets":[{"host":"10.0.0.2"},{"host":"10.0.0.1","port":81}]},
                                 {"name":"api","algorithm":"CONSISTENT_HASH","targets":[{"host":"api.internal"}]}]}
                """.formatted(slug, port), "application/json").expectStatus(200).json().path("revision").asLong();

        LoadBalancerSnapshot snapshot = ConfigTopic.awaitLatest(id, m -> m.snapshot() != null
                && m.snapshot().revision() == revision, Duration.ofSeconds(30)).orElseThrow().snapshot();
        JsonNode fromSnapshot = JSON.readTree(JSON.writeValueAsString(
                DocumentWriter.document(SnapshotConfigurations.from(snapshot))));

        assertThat(fromSnapshot).isEqualTo(client.get(lb + "/configuration").expectStatus(200).json());
        assertThat(fromSnapshot.path("hostNames").toString()).isEqualTo("[\"www." + slug + ".example\"]");
    }
}
