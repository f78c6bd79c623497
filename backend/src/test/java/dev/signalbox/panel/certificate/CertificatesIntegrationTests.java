package dev.signalbox.panel.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.signalbox.panel.rowsecurity.RowScope;
import dev.signalbox.panel.support.ApiClient;
import dev.signalbox.panel.support.CertificatesTopic;
import dev.signalbox.panel.support.ConfigTopic;
import dev.signalbox.panel.support.Fixtures;
import dev.signalbox.panel.support.PanelIntegrationTest;
import dev.signalbox.panel.support.TestCertificate;
import dev.signalbox.panel.support.TestCertificate.KeyType;
import dev.signalbox.panel.support.TestKeys;
import dev.signalbox.protocol.CertificateSnapshot;
import dev.signalbox.protocol.SealedPrivateKey;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificates through the API on the real services: uploads parsed and checked, keys never shown,
 * sealed for the nodes on the certificates topic and encrypted in the database, and HTTPS listeners
 * that may only serve the tenant's own certificates, which then cannot be deleted.
 */
class CertificatesIntegrationTests extends PanelIntegrationTest {

    private static final String CERTIFICATES = "/api/v1/certificates";
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUploadShowsWhatTheLeafSaysButNeverTheKey() throws Exception {
        ApiClient admin = signUp(uniqueSlug("cert-details"));
        TestCertificate leaf = TestCertificate.builder("www.shop.example").dnsNames("WWW.Shop.example", "*.shop.example")
                .ipAddress("192.0.2.7").build();

        ApiClient.Response created = admin.post(CERTIFICATES, Fixtures.certificateBody("www-shop", leaf)).expectStatus(201);

        JsonNode body = created.json();
        String id = body.path("id").asString();
        assertThat(created.header("Location")).hasValue("/api/v1/certificates/" + id);
        assertThat(created.header("ETag")).isPresent();
        assertThat(body.path("name").asString()).isEqualTo("www-shop");
        assertThat(body.path("revision").asLong()).isEqualTo(1);
        assertThat(body.path("subject").asString()).isEqualTo("CN=www.shop.example,O=Signalbox Tests");
        assertThat(body.path("dnsNames")).extracting(JsonNode::asString).containsExactly("www.shop.example", "*.shop.example");
        assertThat(body.path("ipAddresses")).extracting(JsonNode::asString).containsExactly("192.0.2.7");
        assertThat(body.path("keyAlgorithm").asString()).isEqualTo("EC");
        assertThat(body.path("keySize").asInt()).isEqualTo(256);
        assertThat(body.path("fingerprintSha256").asString()).isEqualTo(HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.certificate().getEncoded())));
        assertThat(body.path("notAfter").asString()).isEqualTo(leaf.certificate().getNotAfter().toInstant().toString());
        assertThat(body.path("certificateChain").asString()).isEqualTo(leaf.certificatePem());

        ApiClient.Response read = admin.get(CERTIFICATES + "/" + id).expectStatus(200);
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(read.json()).isEqualTo(body);
        JsonNode listed = admin.get(CERTIFICATES + "?name=www-shop").expectStatus(200).json().path("items");
        assertThat(listed).singleElement().satisfies(item -> {
            assertThat(item.path("id").asString()).isEqualTo(id);
            assertThat(item.has("certificateChain")).as("lists leave the chain out").isFalse();
        });
        String keyBase64 = Base64.getEncoder().encodeToString(leaf.keyPair().getPrivate().getEncoded()).substring(0, 40);
        for (ApiClient.Response response : List.of(created, read, admin.get(CERTIFICATES),
                admin.get("/api/v1/audit-events?resourceType=certificate"))) {
            assertThat(response.body()).doesNotContain("PRIVATE KEY").doesNotContain(keyBase64);
        }
    }

    @Test
    void theNodesGetTheKeySealedAReplacementAsTheNextRevisionAndADeletionAsATombstone() throws Exception {
        ApiClient admin = signUp(uniqueSlug("cert-topic"));
        TestCertificate first = TestCertificate.selfSigned("www.topic.example");
        ApiClient.Response created = admin.post(CERTIFICATES, Fixtures.certificateBody("www", first)).expectStatus(201);
        String id = created.json().path("id").asString();
        UUID tenantId = UUID.fromString(admin.get("/api/v1/session").json().path("tenant").path("id").asString());

        CertificateSnapshot published = CertificatesTopic.awaitMessages(id, messages -> !messages.isEmpty(), DELIVERY)
                .get(0).snapshot();
        assertThat(published).isNotNull();
        assertThat(published.id()).hasToString(id);
        assertThat(published.tenantId()).isEqualTo(tenantId);
        assertThat(published.revision()).isEqualTo(1);
        assertThat(published.hostNames()).containsExactly("www.topic.example");
        assertThat(published.notAfter()).isEqualTo(first.certificate().getNotAfter().toInstant());
        assertThat(published.certificateChainPem()).isEqualTo(first.certificatePem());
        assertThat(published.privateKey().keyId()).isEqualTo(TestKeys.DATA_PLANE_KEY_ID);
        assertThat(TestKeys.dataPlane().open(published.id(), published.privateKey()))
                .asString(StandardCharsets.US_ASCII).isEqualTo(first.pkcs8KeyPem());

        TestCertificate renewed = TestCertificate.builder("www.topic.example").dnsNames("www.topic.example", "topic.example")
                .keyType(KeyType.RSA_2048).build();
        String body = Fixtures.certificateBody("www", renewed.chainPem(), renewed.traditionalKeyPem());
        admin.send("PUT", CERTIFICATES + "/" + id, body, Map.of("If-Match", "\"stale\"")).expectProblem(412);
        JsonNode replaced = admin.send("PUT", CERTIFICATES + "/" + id, body,
                Map.of("If-Match", created.header("ETag").orElseThrow())).expectStatus(200).json();
        assertThat(replaced.path("revision").asLong()).isEqualTo(2);
        assertThat(replaced.path("keyAlgorithm").asString()).isEqualTo("RSA");
        assertThat(replaced.path("createdAt").asString()).isEqualTo(created.json().path("createdAt").asString());

        List<CertificatesTopic.Message> messages = CertificatesTopic.awaitMessages(id, list -> list.size() >= 2, DELIVERY);
        CertificateSnapshot second = messages.get(messages.size() - 1).snapshot();
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.hostNames()).containsExactly("www.topic.example", "topic.example");
        assertThat(TestKeys.dataPlane().open(second.id(), second.privateKey())).asString(StandardCharsets.US_ASCII)
                .as("a traditional RSA key travels as PKCS#8").isEqualTo(renewed.pkcs8KeyPem());
        String keyBase64 = Base64.getEncoder().encodeToString(renewed.keyPair().getPrivate().getEncoded()).substring(0, 40);
        assertThat(new String(messages.get(messages.size() - 1).value(), StandardCharsets.UTF_8))
                .doesNotContain("PRIVATE KEY").doesNotContain(keyBase64);

        admin.delete(CERTIFICATES + "/" + id).expectStatus(204);
        admin.get(CERTIFICATES + "/" + id).expectProblem(404);
        List<CertificatesTopic.Message> afterDelete = CertificatesTopic.awaitMessages(id,
                list -> !list.isEmpty() && list.get(list.size() - 1).value() == null, DELIVERY);
        assertThat(afterDelete).hasSize(3).last().satisfies(tombstone -> assertThat(tombstone.snapshot()).isNull());
        assertThat(RowScope.system(() -> jdbc.sql("select count(*) from outbox where certificate_id = ?::uuid"
                + " and (published_at is null or payload is not null)").param(id).query(Long.class).single()))
                .as("delivered rows keep no sealed key").isZero();
    }

    @Test
    void theDatabaseHoldsTheKeyOnlyEncryptedBoundToTheCertificate() {
        ApiClient admin = signUp(uniqueSlug("cert-rest"));
        TestCertificate leaf = TestCertificate.selfSigned("www.rest.example");
        UUID id = UUID.fromString(Fixtures.certificate(admin, "www", leaf));

        SealedPrivateKey stored = RowScope.system(() -> jdbc.sql("select private_key_key_id, private_key_nonce,"
                        + " private_key_ciphertext from certificates where id = ?").param(id)
                .query((rs, n) -> new SealedPrivateKey(rs.getString(1), rs.getBytes(2), rs.getBytes(3))).single());

        assertThat(stored.keyId()).isEqualTo(TestKeys.AT_REST_KEY_ID);
        assertThat(new String(stored.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
        assertThat(TestKeys.atRest().open(id, stored)).asString(StandardCharsets.US_ASCII).isEqualTo(leaf.pkcs8KeyPem());
        assertThat(RowScope.system(() -> jdbc.sql("select count(*) from certificates where id = ?"
                + " and certificate_chain_pem like '%PRIVATE KEY%'").param(id).query(Long.class).single())).isZero();
    }

    @Test
    void unusableUploadsAre422ProblemsNamingWhatToFix() {
        ApiClient admin = signUp(uniqueSlug("cert-bad"));
        TestCertificate good = TestCertificate.selfSigned("www.bad.example");
        TestCertificate weak = TestCertificate.builder("weak.example").keyType(KeyType.RSA_1024).build();
        TestCertificate expired = TestCertificate.builder("old.example")
                .validity(java.time.Instant.parse("2024-01-01T00:00:00Z"), java.time.Instant.parse("2025-01-01T00:00:00Z"))
                .build();
        Map<String, String[]> uploads = Map.of(
                "not PEM", new String[] {"hello", good.pkcs8KeyPem(), "/certificateChain", "holds no PEM certificate"},
                "another key", new String[] {good.chainPem(), TestCertificate.selfSigned("x").pkcs8KeyPem(), "/privateKey",
                        "does not belong to the leaf certificate"},
                "weak key", new String[] {weak.chainPem(), weak.pkcs8KeyPem(), "/certificateChain", "1024-bit RSA key"},
                "expired", new String[] {expired.chainPem(), expired.pkcs8KeyPem(), "/certificateChain",
                        "expired on 2025-01-01T00:00:00Z"},
                "encrypted key", new String[] {good.chainPem(), good.encryptedKeyPem(), "/privateKey", "is encrypted"});
        uploads.forEach((what, upload) -> {
            JsonNode problem = admin.post(CERTIFICATES, Fixtures.certificateBody("bad", upload[0], upload[1]))
                    .expectProblem(422).json();
            assertThat(problem.path("type").asString()).as(what).endsWith("/unusable-certificate");
            assertThat(problem.path("errors")).as(what).singleElement().satisfies(error -> {
                assertThat(error.path("pointer").asString()).isEqualTo(upload[2]);
                assertThat(error.path("detail").asString()).contains(upload[3]);
            });
        });
        assertThat(admin.get(CERTIFICATES).json().path("items")).as("nothing was stored").isEmpty();

        String id = Fixtures.certificate(admin, "good", good);
        admin.send("PUT", CERTIFICATES + "/" + id, Fixtures.certificateBody("good", weak.chainPem(), good.pkcs8KeyPem()),
                "application/json").expectProblem(422);
        assertThat(admin.get(CERTIFICATES + "/" + id).json().path("revision").asLong()).isEqualTo(1);
        admin.post(CERTIFICATES, Fixtures.certificateBody("good", good)).expectProblem(409);
    }

    @Test
    void viewersReadCertificatesEditorsChangeThem() {
        ApiClient admin = signUp(uniqueSlug("cert-roles"));
        String slug = uniqueSlug("u");
        ApiClient viewer = addUser(admin, "viewer-" + slug + "@example.com", "VIEWER");
        ApiClient editor = addUser(admin, "editor-" + slug + "@example.com", "EDITOR");
        TestCertificate leaf = TestCertificate.selfSigned("www.roles.example");

        viewer.post(CERTIFICATES, Fixtures.certificateBody("www", leaf)).expectProblem(403);
        String id = editor.post(CERTIFICATES, Fixtures.certificateBody("www", leaf)).expectStatus(201).json()
                .path("id").asString();
        assertThat(viewer.get(CERTIFICATES + "/" + id).expectStatus(200).json().path("name").asString()).isEqualTo("www");
        viewer.delete(CERTIFICATES + "/" + id).expectProblem(403);
        editor.delete(CERTIFICATES + "/" + id).expectStatus(204);
    }

    @Test
    void httpsListenersServeOnlyTheTenantsCertificatesWhichThenCannotBeDeleted() {
        String slug = uniqueSlug("cert-https");
        ApiClient admin = signUp(slug);
        ApiClient other = signUp(uniqueSlug("cert-other"));
        String othersCertificate = Fixtures.certificate(other, "theirs", TestCertificate.selfSigned("theirs.example"));
        String own = Fixtures.certificate(admin, "www", TestCertificate.selfSigned("www." + slug + ".example"));
        String lb = "/api/v1/load-balancers/" + admin.post("/api/v1/load-balancers", "{\"name\":\"web\"}")
                .expectStatus(201).json().path("id").asString();
        long revisionBefore = admin.get(lb).json().path("revision").asLong();

        for (String unknown : List.of(UUID.randomUUID().toString(), othersCertificate)) {
            JsonNode problem = admin.post(lb + "/listeners", https(uniquePort(), own, unknown)).expectProblem(400).json();
            assertThat(problem.path("errors")).singleElement().satisfies(error -> {
                assertThat(error.path("pointer").asString()).isEqualTo("/certificateIds/1");
                assertThat(error.path("detail").asString()).isEqualTo("No certificate " + unknown
                        + " in this tenant; upload it first (POST /certificates) and name its id");
            });
        }
        admin.post(lb + "/listeners", "{\"protocol\":\"HTTPS\",\"port\":" + uniquePort()
                + ",\"defaultAction\":{\"type\":\"FIXED_RESPONSE\",\"fixedResponse\":{\"statusCode\":200}}}")
                .expectProblem(400);
        assertThat(admin.get(lb).json().path("revision").asLong()).as("refused listeners change nothing")
                .isEqualTo(revisionBefore);

        int port = uniquePort();
        String listener = lb + "/listeners/" + admin.post(lb + "/listeners", https(port, own)).expectStatus(201).json()
                .path("id").asString();
        String detail = admin.delete(CERTIFICATES + "/" + own).expectProblem(409).json().path("detail").asString();
        assertThat(detail).isEqualTo("Certificate 'www' is served by 1 listener; remove it from their certificateIds"
                + " (or delete them) first");

        TestCertificate renewed = TestCertificate.selfSigned("www." + slug + ".example");
        long revision = admin.get(lb).json().path("revision").asLong();
        admin.send("PUT", CERTIFICATES + "/" + own, Fixtures.certificateBody("www", renewed), "application/json")
                .expectStatus(200);
        assertThat(admin.get(lb).json().path("revision").asLong())
                .as("a replaced certificate reaches the nodes on its own topic").isEqualTo(revision);

        admin.send("PUT", listener, "{\"protocol\":\"HTTP\",\"port\":" + port
                + ",\"defaultAction\":{\"type\":\"FIXED_RESPONSE\",\"fixedResponse\":{\"statusCode\":200}}}",
                "application/json").expectStatus(200);
        admin.delete(CERTIFICATES + "/" + own).expectStatus(204);
    }

    @Test
    void aConfigurationDocumentMayOnlyNameTheTenantsCertificates() {
        ApiClient admin = signUp(uniqueSlug("cert-doc"));
        String own = Fixtures.certificate(admin, "www", TestCertificate.selfSigned("www.doc.example"));
        String lbId = admin.post("/api/v1/load-balancers", "{\"name\":\"web\"}").expectStatus(201).json().path("id")
                .asString();
        String lb = "/api/v1/load-balancers/" + lbId;
        UUID unknown = UUID.randomUUID();
        String document = "{\"name\":\"web\",\"listeners\":[{\"port\":" + uniquePort() + ",\"protocol\":\"HTTPS\","
                + "\"certificateIds\":[\"%s\"],\"defaultAction\":{\"type\":\"FIXED_RESPONSE\",\"fixedResponse\":"
                + "{\"statusCode\":200}}}]}";

        JsonNode problem = admin.post(lb + "/configuration/plan", document.formatted(unknown)).expectProblem(400).json();
        assertThat(problem.path("errors")).singleElement().satisfies(error ->
                assertThat(error.path("pointer").asString()).isEqualTo("/listeners/0/certificateIds/0"));
        admin.send("PUT", lb + "/configuration", document.formatted(own), "application/json").expectStatus(200);

        long revision = admin.get(lb).json().path("revision").asLong();
        var snapshot = ConfigTopic.awaitLatest(lbId, m -> m.snapshot() != null && m.snapshot().revision() == revision,
                DELIVERY).orElseThrow().snapshot();
        assertThat(snapshot.listeners().get(0).certificateIds()).extracting(UUID::toString).containsExactly(own);
        admin.delete(CERTIFICATES + "/" + own).expectProblem(409);
    }

    @Test
    void changesAreAuditedWithoutTheKey() {
        ApiClient admin = signUp(uniqueSlug("cert-audit"));
        String id = Fixtures.certificate(admin, "www", TestCertificate.selfSigned("www.audit.example"));
        admin.send("PUT", CERTIFICATES + "/" + id, Fixtures.certificateBody("www-2026",
                TestCertificate.selfSigned("www.audit.example")), "application/json").expectStatus(200);
        admin.delete(CERTIFICATES + "/" + id).expectStatus(204);

        JsonNode events = admin.get("/api/v1/audit-events?resourceId=" + id).expectStatus(200).json().path("items");
        assertThat(events).extracting(e -> e.path("action").asString())
                .containsExactly("certificate.deleted", "certificate.replaced", "certificate.created");
        JsonNode replaced = events.get(1);
        assertThat(replaced.path("resourceType").asString()).isEqualTo("certificate");
        assertThat(replaced.path("changes")).extracting(c -> c.path("pointer").asString())
                .contains("/name", "/revision", "/fingerprintSha256");
        assertThat(events.toString()).doesNotContain("PRIVATE KEY").doesNotContain("privateKey");
    }

    private static String https(int port, String... certificateIds) {
        return "{\"protocol\":\"HTTPS\",\"port\":" + port + ",\"certificateIds\":[\"" + String.join("\",\"", certificateIds)
                + "\"],\"defaultAction\":{\"type\":\"FIXED_RESPONSE\",\"fixedResponse\":{\"statusCode\":200}}}";
    }
}
