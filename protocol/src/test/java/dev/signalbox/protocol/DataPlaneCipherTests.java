package dev.signalbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DataPlaneCipherTests {

    private static final byte[] PEM = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIBgDTD1Z3zl3F1v6R3rYZ8v1rZ0qUJ6fLx5Zt1K5k9mC
            -----END PRIVATE KEY-----
            """.getBytes(StandardCharsets.US_ASCII);

    private final UUID certificate = UUID.randomUUID();

    static byte[] key(int seed) {
        byte[] key = new byte[DataPlaneCipher.KEY_BYTES];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    @Test
    void aSealedKeyOpensToTheSameBytes() {
        var cipher = new DataPlaneCipher(Map.of("2026-11", key(1)));

        SealedPrivateKey sealed = cipher.seal(certificate, PEM);

        assertThat(sealed.keyId()).isEqualTo("2026-11");
        assertThat(sealed.nonce()).hasSize(12);
        // the PEM plus the 16-byte tag, and nothing of the PEM readable
        assertThat(sealed.ciphertext()).hasSize(PEM.length + 16);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
        assertThat(cipher.open(certificate, sealed)).isEqualTo(PEM);
    }

    @Test
    void everySealingDrawsAFreshNonce() {
        var cipher = new DataPlaneCipher(Map.of("k1", key(1)));

        SealedPrivateKey first = cipher.seal(certificate, PEM);
        SealedPrivateKey second = cipher.seal(certificate, PEM);

        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void theGreatestKeyIdSealsAndTheOlderKeysStillOpen() {
        var before = new DataPlaneCipher(Map.of("2026-05", key(1)));
        SealedPrivateKey sealedBefore = before.seal(certificate, PEM);
        var rotated = new DataPlaneCipher(Map.of("2026-05", key(1), "2026-11", key(2)));

        SealedPrivateKey sealedAfter = rotated.seal(certificate, PEM);

        assertThat(rotated.sealingKeyId()).isEqualTo("2026-11");
        assertThat(sealedAfter.keyId()).isEqualTo("2026-11");
        assertThat(rotated.open(certificate, sealedBefore)).isEqualTo(PEM);
        assertThat(rotated.open(certificate, sealedAfter)).isEqualTo(PEM);
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        var cipher = new DataPlaneCipher(Map.of("k1", key(1)));
        SealedPrivateKey sealed = cipher.seal(certificate, PEM);
        byte[] ciphertext = sealed.ciphertext();
        ciphertext[5] ^= 1;

        assertThatThrownBy(() -> cipher.open(certificate, new SealedPrivateKey("k1", sealed.nonce(), ciphertext)))
                .isInstanceOf(DataPlaneCipherException.class)
                .hasMessageContaining(certificate.toString())
                .hasMessageContaining("altered");
    }

    @Test
    void aTamperedNonceDoesNotOpen() {
        var cipher = new DataPlaneCipher(Map.of("k1", key(1)));
        SealedPrivateKey sealed = cipher.seal(certificate, PEM);
        byte[] nonce = sealed.nonce();
        nonce[0] ^= 1;

        assertThatThrownBy(() -> cipher.open(certificate, new SealedPrivateKey("k1", nonce, sealed.ciphertext())))
                .isInstanceOf(DataPlaneCipherException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void aKeySealedForOneCertificateDoesNotOpenForAnother() {
        var cipher = new DataPlaneCipher(Map.of("k1", key(1)));
        SealedPrivateKey sealed = cipher.seal(certificate, PEM);
        UUID other = UUID.randomUUID();

        assertThatThrownBy(() -> cipher.open(other, sealed))
                .isInstanceOf(DataPlaneCipherException.class)
                .hasMessageContaining(other.toString())
                .hasMessageContaining("sealed for another certificate");
    }

    @Test
    void anotherKeyUnderTheSameIdDoesNotOpen() {
        SealedPrivateKey sealed = new DataPlaneCipher(Map.of("k1", key(1))).seal(certificate, PEM);

        assertThatThrownBy(() -> new DataPlaneCipher(Map.of("k1", key(2))).open(certificate, sealed))
                .isInstanceOf(DataPlaneCipherException.class)
                .hasMessageContaining("'k1'");
    }

    @Test
    void anUnknownKeyIdIsNamedInTheError() {
        SealedPrivateKey sealed = new DataPlaneCipher(Map.of("2027-01", key(1))).seal(certificate, PEM);
        var cipher = new DataPlaneCipher(Map.of("2026-11", key(1)));

        assertThatThrownBy(() -> cipher.open(certificate, sealed))
                .isInstanceOf(DataPlaneCipherException.class)
                .hasMessageContaining("'2027-01', which is not configured here")
                .hasMessageContaining("[2026-11]");
    }

    @Test
    void aCipherWithoutKeysCannotSeal() {
        var cipher = new DataPlaneCipher(Map.of());

        assertThat(cipher.sealingKeyId()).isNull();
        assertThatThrownBy(() -> cipher.seal(certificate, PEM))
                .isInstanceOf(DataPlaneCipherException.class)
                .hasMessageContaining("No data-plane key");
    }

    @Test
    void keysOfTheWrongLengthOrWithOddIdsAreRefused() {
        assertThatThrownBy(() -> new DataPlaneCipher(Map.of("k1", new byte[16])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Data-plane key 'k1' has 16 bytes; AES-256 needs 32");
        assertThatThrownBy(() -> new DataPlaneCipher(Map.of("k 1", key(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'k 1'");
    }

    @Test
    void base64KeysAreDecodedAndBadBase64IsNamed() {
        String base64 = Base64.getEncoder().encodeToString(key(7));
        SealedPrivateKey sealed = new DataPlaneCipher(Map.of("k1", key(7))).seal(certificate, PEM);

        assertThat(DataPlaneCipher.ofBase64Keys(Map.of("k1", base64 + "\n")).open(certificate, sealed)).isEqualTo(PEM);
        assertThatThrownBy(() -> DataPlaneCipher.ofBase64Keys(Map.of("k2", "not*base64")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Data-plane key 'k2' is not base64");
    }
}
