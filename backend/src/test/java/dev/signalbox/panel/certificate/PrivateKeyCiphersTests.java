package dev.signalbox.panel.certificate;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.problem.SignalboxProblemException;
import dev.signalbox.protocol.DataPlaneCipher;
import dev.signalbox.protocol.SealedPrivateKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two sets of keys, each sealing bound to the certificate; no key refuses politely, a bad key loudly. */
class PrivateKeyCiphersTests {

    private static final String KEY_A = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String KEY_B = "HwEeAh0DHAQbBRoGGQcYCBcJFgoVCxQMEw0SDhEPEBA=";
    private static final byte[] PEM = "-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void sealsAtRestAndForTheNodesWithTheirOwnNewestKeys() {
        PrivateKeyCiphers ciphers = new PrivateKeyCiphers(new AtRestKeysProperties(Map.of("rest", KEY_A)),
                new DataPlaneKeysProperties(Map.of("2026.01", KEY_A, "2026.11", KEY_B)));
        UUID id = UUID.randomUUID();
        ciphers.requireKeys();

        SealedPrivateKey atRest = ciphers.sealAtRest(id, PEM);
        SealedPrivateKey forNodes = ciphers.sealForNodes(id, PEM);

        assertThat(atRest.keyId()).isEqualTo("rest");
        assertThat(forNodes.keyId()).as("the greatest id seals").isEqualTo("2026.11");
        assertThat(DataPlaneCipher.ofBase64Keys(Map.of("rest", KEY_A)).open(id, atRest)).isEqualTo(PEM);
        assertThat(DataPlaneCipher.ofBase64Keys(Map.of("2026.11", KEY_B)).open(id, forNodes)).isEqualTo(PEM);
    }

    @Test
    void withoutAKeyCertificatesAreUnavailableSayingWhichPropertyToSet() {
        PrivateKeyCiphers noDataPlaneKey = new PrivateKeyCiphers(new AtRestKeysProperties(Map.of("rest", KEY_A)),
                new DataPlaneKeysProperties(Map.of()));
        assertThatThrownBy(noDataPlaneKey::requireKeys).isInstanceOfSatisfying(SignalboxProblemException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(503);
            assertThat(e.getBody().getDetail()).contains("no data-plane key is configured (signalbox.data-plane-keys.<id>");
        });
        PrivateKeyCiphers noAtRestKey = new PrivateKeyCiphers(new AtRestKeysProperties(Map.of()),
                new DataPlaneKeysProperties(Map.of("2026.11", KEY_B)));
        assertThatThrownBy(noAtRestKey::requireKeys).isInstanceOfSatisfying(SignalboxProblemException.class, e ->
                assertThat(e.getBody().getDetail()).contains("signalbox.certificates.at-rest-keys.<id>"));
    }

    @Test
    void aKeyThatIsNotThirtyTwoBytesOfBase64StopsThePanelNamingTheProperty() {
        assertThatThrownBy(() -> new PrivateKeyCiphers(new AtRestKeysProperties(Map.of("rest", "c2hvcnQ=")),
                new DataPlaneKeysProperties(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signalbox.certificates.at-rest-keys")
                .hasMessageContaining("5 bytes; AES-256 needs 32");
        assertThatThrownBy(() -> new PrivateKeyCiphers(new AtRestKeysProperties(Map.of()),
                new DataPlaneKeysProperties(Map.of("k", "not base64!"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signalbox.data-plane-keys: Data-plane key 'k' is not base64");
    }
}
