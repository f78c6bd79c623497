package dev.signalbox.panel.certificate;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.problem.FieldViolation;

/**
 * Reads the PEM of an upload: a chain of certificates, and one private key as PKCS#8 or in the
 * traditional RSA or EC form. What cannot be read becomes a violation saying what was found instead.
 */
final class PemDecoder {

    static final String CHAIN = "/certificateChain";
    static final String KEY = "/privateKey";

    private static final JcaX509CertificateConverter CERTIFICATES = new JcaX509CertificateConverter();
    private static final JcaPEMKeyConverter KEYS = new JcaPEMKeyConverter();

    private PemDecoder() {
    }

    /** The certificates in the order given; empty after a violation. */
    static List<X509Certificate> certificates(String pem, List<FieldViolation> violations) {
        List<X509Certificate> certificates = new ArrayList<>();
        int before = violations.size();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            int block = 0;
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                block++;
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(CERTIFICATES.getCertificate(holder));
                } else {
                    violations.add(new FieldViolation(CHAIN, "PEM block " + block + " is " + describe(object)
                            + ", not a CERTIFICATE: the chain holds certificates only (the private key goes in privateKey)"));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            violations.add(new FieldViolation(CHAIN, "is not a readable PEM certificate chain (" + reason(e)
                    + "); paste each certificate from its -----BEGIN CERTIFICATE----- line to its -----END CERTIFICATE----- line"));
        }
        if (certificates.isEmpty() && violations.size() == before) {
            violations.add(new FieldViolation(CHAIN, "holds no PEM certificate: paste the leaf certificate from its "
                    + "-----BEGIN CERTIFICATE----- line to its -----END CERTIFICATE----- line, then its intermediates"));
        }
        return violations.size() == before ? certificates : List.of();
    }

    /** The one private key of the PEM; null after a violation. */
    static @Nullable PrivateKey privateKey(String pem, List<FieldViolation> violations) {
        List<PrivateKey> keys = new ArrayList<>();
        int before = violations.size();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof PEMKeyPair pair) {
                    // the private part only: an EC key written without its public point has no key pair to convert
                    keys.add(KEYS.getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (object instanceof PrivateKeyInfo info) {
                    keys.add(KEYS.getPrivateKey(info));
                } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    violations.add(new FieldViolation(KEY, "is encrypted with a passphrase; decrypt it first, e.g. "
                            + "openssl pkey -in key.pem -out key-decrypted.pem"));
                } else if (!(object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters)) {
                    // EC PARAMETERS before an EC key (openssl ecparam -genkey) are fine: the key names its curve
                    violations.add(new FieldViolation(KEY, "holds " + describe(object) + ", not a private key"
                            + (object instanceof X509CertificateHolder ? ": certificates go in certificateChain" : "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            violations.add(new FieldViolation(KEY, "is not a readable PEM private key (" + reason(e) + ")"));
        }
        if (violations.size() != before) {
            return null;
        }
        if (keys.size() != 1) {
            violations.add(new FieldViolation(KEY, keys.isEmpty()
                    ? "holds no PEM private key: paste it from its -----BEGIN PRIVATE KEY----- (or BEGIN RSA/EC PRIVATE KEY)"
                            + " line to its END line"
                    : "holds " + keys.size() + " private keys; send only the leaf certificate's key"));
            return null;
        }
        return keys.get(0);
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String describe(Object object) {
        if (object instanceof X509CertificateHolder) {
            return "a certificate";
        }
        if (object instanceof PEMKeyPair || object instanceof PrivateKeyInfo || object instanceof PEMEncryptedKeyPair
                || object instanceof PKCS8EncryptedPrivateKeyInfo) {
            return "a private key";
        }
        if (object instanceof SubjectPublicKeyInfo) {
            return "a public key";
        }
        if (object instanceof PKCS10CertificationRequest) {
            return "a certificate signing request";
        }
        if (object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters) {
            return "EC parameters";
        }
        return "a " + object.getClass().getSimpleName();
    }
}
