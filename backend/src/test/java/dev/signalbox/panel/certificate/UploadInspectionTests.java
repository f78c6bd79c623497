package dev.signalbox.panel.certificate;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.api.Test;

import dev.signalbox.panel.support.TestCertificate;
import dev.signalbox.panel.support.TestCertificate.KeyType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

/** The checks of an upload, each problem reported with its pointer and what to fix. */
class UploadInspectionTests {

    private static final Instant NOW = Instant.now();
    private static final TestCertificate EC = TestCertificate.builder("www.shop.example")
            .dnsNames("WWW.Shop.example", "*.shop.example").ipAddress("192.0.2.7").build();

    @Test
    void readsTheLeafsDetailsAndKeepsTheKeyAsPkcs8() throws Exception {
        InspectedCertificate inspected = UploadInspection.inspect(EC.chainPem(), EC.pkcs8KeyPem(), NOW);

        CertificateDetails details = inspected.details();
        assertThat(details.subject()).isEqualTo("CN=www.shop.example,O=Signalbox Tests");
        assertThat(details.issuer()).isEqualTo(details.subject());
        assertThat(details.dnsNames()).containsExactly("www.shop.example", "*.shop.example");
        assertThat(details.ipAddresses()).containsExactly("192.0.2.7");
        assertThat(details.keyAlgorithm()).isEqualTo("EC");
        assertThat(details.keySize()).isEqualTo(256);
        assertThat(details.chainLength()).isEqualTo(1);
        assertThat(details.serialNumber()).isEqualTo(EC.certificate().getSerialNumber().toString(16).toUpperCase());
        assertThat(details.notAfter()).isEqualTo(EC.certificate().getNotAfter().toInstant());
        assertThat(details.fingerprintSha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(inspected.chainPem()).isEqualTo(EC.certificatePem());
        assertSameKey(inspected.privateKeyPem(), EC.keyPair().getPrivate());
    }

    @Test
    void takesTraditionalRsaAndEcKeysAndAChainWithItsIssuer() throws Exception {
        TestCertificate authority = TestCertificate.builder("Test CA").authority().keyType(KeyType.EC_P384).build();
        TestCertificate rsa = TestCertificate.builder("rsa.example").dnsNames("rsa.example").keyType(KeyType.RSA_2048)
                .issuedBy(authority).build();
        assertThat(rsa.traditionalKeyPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        InspectedCertificate inspected = UploadInspection.inspect(rsa.chainPem(), rsa.traditionalKeyPem(), NOW);

        assertThat(inspected.details().keyAlgorithm()).isEqualTo("RSA");
        assertThat(inspected.details().keySize()).isEqualTo(2048);
        assertThat(inspected.details().chainLength()).isEqualTo(2);
        assertThat(inspected.details().issuer()).isEqualTo("CN=Test CA,O=Signalbox Tests");
        assertThat(new String(inspected.privateKeyPem(), StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertSameKey(inspected.privateKeyPem(), rsa.keyPair().getPrivate());

        TestCertificate p384 = TestCertificate.builder("ec.example").keyType(KeyType.EC_P384).build();
        assertThat(p384.traditionalKeyPem()).startsWith("-----BEGIN EC PRIVATE KEY-----");
        // as openssl ecparam -genkey writes it: the curve's parameters first, then the key
        String withParameters = "-----BEGIN EC PARAMETERS-----\n" + Base64.getEncoder().encodeToString(
                new ASN1ObjectIdentifier("1.3.132.0.34").getEncoded()) + "\n-----END EC PARAMETERS-----\n"
                + p384.traditionalKeyPem();
        InspectedCertificate ec = UploadInspection.inspect(p384.chainPem(), withParameters, NOW);
        assertThat(ec.details().keySize()).isEqualTo(384);
        assertSameKey(ec.privateKeyPem(), p384.keyPair().getPrivate());
    }

    @Test
    void erasingOverwritesTheKey() {
        InspectedCertificate inspected = UploadInspection.inspect(EC.chainPem(), EC.pkcs8KeyPem(), NOW);
        inspected.erase();
        assertThat(inspected.privateKeyPem()).containsOnly(0);
    }

    @Test
    void textThatIsNoPemCertificateIsNamedWithWhatToPaste() {
        assertProblems("not a certificate", EC.pkcs8KeyPem(), Map.of("/certificateChain", "holds no PEM certificate"));
        assertProblems("-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n", EC.pkcs8KeyPem(),
                Map.of("/certificateChain", "not a readable PEM certificate chain"));
        assertProblems(EC.chainPem() + EC.pkcs8KeyPem(), EC.pkcs8KeyPem(),
                Map.of("/certificateChain", "PEM block 2 is a private key, not a CERTIFICATE"));
    }

    @Test
    void aKeyThatIsMissingEncryptedOrNotAKeyIsNamed() {
        assertProblems(EC.chainPem(), "", Map.of("/privateKey", "holds no PEM private key"));
        assertProblems(EC.chainPem(), EC.encryptedKeyPem(), Map.of("/privateKey", "is encrypted with a passphrase; decrypt"));
        assertProblems(EC.chainPem(), EC.certificatePem(), Map.of("/privateKey", "certificates go in certificateChain"));
        assertProblems(EC.chainPem(), EC.pkcs8KeyPem() + EC.pkcs8KeyPem(), Map.of("/privateKey", "holds 2 private keys"));
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        TestCertificate other = TestCertificate.selfSigned("other.example");
        assertProblems(EC.chainPem(), other.pkcs8KeyPem(), Map.of("/privateKey", "does not belong to the leaf certificate"));
        TestCertificate rsa = TestCertificate.builder("rsa.example").keyType(KeyType.RSA_2048).build();
        assertProblems(EC.chainPem(), rsa.pkcs8KeyPem(), Map.of("/privateKey", "is an RSA key but the leaf certificate has an EC key"));
    }

    @Test
    void weakOrUnservedKeysAreRefused() {
        TestCertificate weak = TestCertificate.builder("weak.example").keyType(KeyType.RSA_1024).build();
        assertProblems(weak.chainPem(), weak.pkcs8KeyPem(), Map.of("/certificateChain", "1024-bit RSA key; use one of 2048 to 8192"));
        TestCertificate p521 = TestCertificate.builder("p521.example").keyType(KeyType.EC_P521).build();
        assertProblems(p521.chainPem(), p521.pkcs8KeyPem(), Map.of("/certificateChain", "curve secp521r1; use P-256 or P-384"));
    }

    @Test
    void anExpiredOrNotYetValidCertificateIsRefused() {
        TestCertificate expired = TestCertificate.builder("old.example")
                .validity(NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(1))).build();
        assertProblems(expired.chainPem(), expired.pkcs8KeyPem(), Map.of("/certificateChain", "expired on "));
        TestCertificate future = TestCertificate.builder("new.example")
                .validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(60))).build();
        assertProblems(future.chainPem(), future.pkcs8KeyPem(), Map.of("/certificateChain", "is not valid before"));
    }

    @Test
    void aChainOutOfOrderIsRefused() {
        TestCertificate authority = TestCertificate.builder("Test CA").authority().build();
        TestCertificate leaf = TestCertificate.builder("leaf.example").issuedBy(authority).build();
        String reversed = authority.certificatePem() + leaf.certificatePem();
        assertProblems(reversed, leaf.pkcs8KeyPem(), Map.of("/certificateChain",
                "certificate 2 (CN=leaf.example,O=Signalbox Tests) did not issue certificate 1"));
        TestCertificate stranger = TestCertificate.builder("Other CA").authority().build();
        assertProblems(leaf.certificatePem() + stranger.certificatePem(), leaf.pkcs8KeyPem(),
                Map.of("/certificateChain", "list the leaf first"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        TestCertificate expired = TestCertificate.builder("old.example").keyType(KeyType.RSA_1024)
                .validity(NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(1))).build();
        assertThatThrownBy(() -> UploadInspection.inspect(expired.chainPem(), EC.encryptedKeyPem(), NOW))
                .isInstanceOfSatisfying(UnusableCertificateException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(422);
                    assertThat(e.getBody().getProperties()).extractingByKey("errors", LIST).hasSize(3);
                });
    }

    /** Asserts the upload is refused with exactly these problems (pointer → a part of the detail). */
    private static void assertProblems(String chainPem, String keyPem, Map<String, String> expected) {
        assertThatThrownBy(() -> UploadInspection.inspect(chainPem, keyPem, NOW))
                .isInstanceOfSatisfying(UnusableCertificateException.class, e -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, String>> errors = (List<Map<String, String>>) e.getBody().getProperties().get("errors");
                    assertThat(errors).as("errors of %s", e.getBody().getDetail()).hasSize(expected.size());
                    expected.forEach((pointer, detail) -> assertThat(errors).anySatisfy(error -> {
                        assertThat(error.get("pointer")).isEqualTo(pointer);
                        assertThat(error.get("detail")).contains(detail);
                    }));
                });
    }

    /** The PEM is PKCS#8 and holds the same private key (same secret, whatever optional fields it carries). */
    private static void assertSameKey(byte[] pem, PrivateKey original) throws Exception {
        String text = new String(pem, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        byte[] der = Base64.getMimeDecoder().decode(text.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", ""));
        PrivateKey read = KeyFactory.getInstance(original.getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(der));
        if (original instanceof ECPrivateKey ec) {
            assertThat(((ECPrivateKey) read).getS()).isEqualTo(ec.getS());
            assertThat(((ECPrivateKey) read).getParams().getOrder()).isEqualTo(ec.getParams().getOrder());
        } else {
            assertThat(((RSAPrivateKey) read).getPrivateExponent()).isEqualTo(((RSAPrivateKey) original).getPrivateExponent());
            assertThat(((RSAPrivateKey) read).getModulus()).isEqualTo(((RSAPrivateKey) original).getModulus());
        }
    }
}
