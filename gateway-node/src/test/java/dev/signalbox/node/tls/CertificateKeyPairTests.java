package dev.signalbox.node.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.signalbox.node.TestCertificate;

class CertificateKeyPairTests {

    private final TestCertificate shop = TestCertificate.selfSigned("shop.test", 1, "shop.test");

    @Test
    void aChainAndTheKeyOfItsLeafBelongTogether() {
        byte[] keyPem = shop.keyPem();

        CertificateKeyPair pair = CertificateKeyPair.parse(shop.chainPem(), keyPem);

        assertThat(pair.leaf()).isEqualTo(shop.certificate());
        assertThat(pair.key().getEncoded()).isEqualTo(shop.keyPair().getPrivate().getEncoded());
        // the opened PEM does not linger in the caller's buffer
        assertThat(keyPem).containsOnly(0);
    }

    @Test
    void theKeyOfAnotherCertificateIsRefused() {
        TestCertificate other = TestCertificate.selfSigned("other.test", 2, "other.test");

        assertThatThrownBy(() -> CertificateKeyPair.parse(shop.chainPem(), other.keyPem()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to the leaf certificate CN=shop.test");
    }

    @Test
    void aKeyThatIsNotPkcs8PemIsRefused() {
        byte[] pkcs1 = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> CertificateKeyPair.parse(shop.chainPem(), pkcs1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an unencrypted PKCS#8 PEM");
    }

    @Test
    void aChainWithoutCertificatesIsRefused() {
        assertThatThrownBy(() -> CertificateKeyPair.parse("", shop.keyPem()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("certificate chain");
    }
}
