package dev.signalbox.node;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import dev.signalbox.protocol.CertificateSnapshot;
import dev.signalbox.protocol.DataPlaneCipher;

/**
 * A self-signed EC P-256 certificate made at test time, so no private key is ever checked in.
 *
 * @param certificate the certificate, with the DNS names as subject alternative names
 * @param keyPair     its key pair
 */
public record TestCertificate(X509Certificate certificate, KeyPair keyPair) {

    /** A certificate for {@code CN=<commonName>} with {@code serial}, naming {@code dnsNames}. */
    public static TestCertificate selfSigned(String commonName, long serial, String... dnsNames) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keyPair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + commonName);
            Instant now = Instant.now();
            GeneralName[] names = new GeneralName[dnsNames.length];
            for (int i = 0; i < dnsNames.length; i++) {
                names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
            }
            var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(serial),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
                    keyPair.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
            return new TestCertificate(certificate, keyPair);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot make a test certificate", e);
        }
    }

    public String chainPem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as PKCS#8 PEM. */
    public byte[] keyPem() {
        return pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()).getBytes(StandardCharsets.US_ASCII);
    }

    /** The snapshot the panel would publish, the key sealed by {@code cipher} for certificate {@code id}. */
    public CertificateSnapshot snapshot(UUID id, UUID tenantId, long revision, DataPlaneCipher cipher) {
        List<String> hostNames;
        try {
            hostNames = certificate.getSubjectAlternativeNames().stream()
                    .map(name -> String.valueOf(name.get(1)))
                    .toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new CertificateSnapshot(CertificateSnapshot.SCHEMA_VERSION, id, tenantId, revision, chainPem(),
                cipher.seal(id, keyPem()), hostNames, certificate.getNotAfter().toInstant());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
