package dev.signalbox.panel.support;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A certificate and its key pair made at test time, so no private key is ever checked in:
 * self-signed, or issued by another test certificate (a CA) to make a chain.
 *
 * @param certificate the certificate
 * @param keyPair     its key pair
 * @param issuer      the certificate that issued it, null when self-signed
 */
public record TestCertificate(X509Certificate certificate, KeyPair keyPair, @Nullable TestCertificate issuer) {

    /** Key types: EC on a named curve, or RSA of a size. */
    public enum KeyType {
        EC_P256, EC_P384, EC_P521, RSA_1024, RSA_2048;

        KeyPair generate() throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(name().startsWith("EC") ? "EC" : "RSA");
            switch (this) {
                case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"));
                case EC_P384 -> generator.initialize(new ECGenParameterSpec("secp384r1"));
                case EC_P521 -> generator.initialize(new ECGenParameterSpec("secp521r1"));
                case RSA_1024 -> generator.initialize(1024);
                case RSA_2048 -> generator.initialize(2048);
            }
            return generator.generateKeyPair();
        }
    }

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** A self-signed EC P-256 certificate for {@code dnsNames}, valid from an hour ago for 30 days. */
    public static TestCertificate selfSigned(String... dnsNames) {
        return builder(dnsNames.length == 0 ? "test" : dnsNames[0]).dnsNames(dnsNames).build();
    }

    public static Builder builder(String commonName) {
        return new Builder(commonName);
    }

    /** The chain as PEM: this certificate, then its issuers up to the self-signed one. */
    public String chainPem() {
        StringBuilder pem = new StringBuilder();
        for (TestCertificate link = this; link != null; link = link.issuer()) {
            pem.append(link.certificatePem());
        }
        return pem.toString();
    }

    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as PKCS#8 PEM (BEGIN PRIVATE KEY). */
    public String pkcs8KeyPem() {
        return pem("PRIVATE KEY", keyPair.getPrivate().getEncoded());
    }

    /**
     * The private key as OpenSSL writes it traditionally: BEGIN RSA PRIVATE KEY (PKCS#1), or BEGIN EC
     * PRIVATE KEY (SEC 1 with the curve and the public point, as openssl ecparam -genkey writes it).
     */
    public String traditionalKeyPem() {
        if (keyPair.getPrivate() instanceof java.security.interfaces.ECPrivateKey ec) {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getEncoded());
            ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters());
            var sec1 = new ECPrivateKey(ec.getParams().getOrder().bitLength(), ec.getS(),
                    SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded()).getPublicKeyData(), curve);
            try {
                return pem("EC PRIVATE KEY", sec1.getEncoded());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return write(null);
    }

    /** The traditional PEM encrypted with a passphrase (Proc-Type: 4,ENCRYPTED). */
    public String encryptedKeyPem() {
        return write("passphrase");
    }

    private String write(@Nullable String passphrase) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (passphrase == null) {
                writer.writeObject(keyPair.getPrivate());
            } else {
                writer.writeObject(keyPair.getPrivate(),
                        new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(new BouncyCastleProvider())
                                .build(passphrase.toCharArray()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Builds a test certificate; by default EC P-256, valid from an hour ago for 30 days, self-signed. */
    public static final class Builder {

        private final String commonName;
        private final List<GeneralName> names = new ArrayList<>();
        private KeyType keyType = KeyType.EC_P256;
        private Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(30));
        private @Nullable TestCertificate issuer;
        private boolean authority;

        private Builder(String commonName) {
            this.commonName = commonName;
        }

        public Builder dnsNames(String... dnsNames) {
            for (String name : dnsNames) {
                names.add(new GeneralName(GeneralName.dNSName, name));
            }
            return this;
        }

        public Builder ipAddress(String address) {
            names.add(new GeneralName(GeneralName.iPAddress, address));
            return this;
        }

        public Builder keyType(KeyType type) {
            this.keyType = type;
            return this;
        }

        public Builder validity(Instant from, Instant until) {
            this.notBefore = from;
            this.notAfter = until;
            return this;
        }

        /** Issued (signed) by {@code issuer} instead of itself. */
        public Builder issuedBy(TestCertificate issuer) {
            this.issuer = issuer;
            return this;
        }

        /** A CA that may issue certificates. */
        public Builder authority() {
            this.authority = true;
            return this;
        }

        public TestCertificate build() {
            try {
                KeyPair keyPair = keyType.generate();
                // encoded most general first, as CAs do, so it reads "CN=…,O=…" (RFC 2253 lists the last first)
                X500Name subject = new X500Name("O=Signalbox Tests,CN=" + commonName);
                X500Name issuerName = issuer == null ? subject
                        : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
                var builder = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(SERIALS.incrementAndGet()),
                        Date.from(notBefore), Date.from(notAfter), subject, keyPair.getPublic());
                if (!names.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)));
                }
                if (authority) {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                }
                KeyPair signer = issuer == null ? keyPair : issuer.keyPair();
                String algorithm = signer.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate())));
                return new TestCertificate(certificate, keyPair, issuer);
            } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
                throw new IllegalStateException("Cannot make a test certificate", e);
            }
        }
    }
}
