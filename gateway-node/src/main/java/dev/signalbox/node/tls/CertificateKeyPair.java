package dev.signalbox.node.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * A certificate chain and the private key of its leaf, parsed from PEM and checked to belong
 * together, so a mismatched upload is rejected when it arrives rather than failing every handshake.
 *
 * @param chain the leaf first, then its intermediates
 * @param key   the leaf's private key
 */
record CertificateKeyPair(List<X509Certificate> chain, PrivateKey key) {

    CertificateKeyPair {
        chain = List.copyOf(chain);
    }

    private static final String KEY_HEADER = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_FOOTER = "-----END PRIVATE KEY-----";
    private static final byte[] PROBE = "signalbox key pair check".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param chainPem one or more PEM certificates, the leaf first
     * @param keyPem   the leaf's unencrypted PKCS#8 PEM key (RSA or EC); overwritten once read
     * @throws IllegalArgumentException if either cannot be read or the key is not the leaf's
     */
    static CertificateKeyPair parse(String chainPem, byte[] keyPem) {
        List<X509Certificate> chain = parseChain(chainPem);
        PrivateKey key = parseKey(keyPem, chain.get(0).getPublicKey().getAlgorithm());
        checkBelongTogether(chain.get(0), key);
        return new CertificateKeyPair(chain, key);
    }

    X509Certificate leaf() {
        return chain.get(0);
    }

    private static List<X509Certificate> parseChain(String chainPem) {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(chainPem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("the certificate chain holds no certificate");
            }
            return certificates.stream().map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the certificate chain is not PEM X.509: " + e.getMessage(), e);
        }
    }

    private static PrivateKey parseKey(byte[] keyPem, String algorithm) {
        byte[] der = null;
        try {
            String pem = new String(keyPem, StandardCharsets.US_ASCII);
            int start = pem.indexOf(KEY_HEADER);
            int end = pem.indexOf(KEY_FOOTER);
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("the private key is not an unencrypted PKCS#8 PEM (" + KEY_HEADER + ")");
            }
            der = Base64.getMimeDecoder().decode(pem.substring(start + KEY_HEADER.length(), end));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key is not a PKCS#8 " + algorithm + " key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(keyPem, (byte) 0);
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }

    /** What the key signs, the leaf's public key must verify. */
    private static void checkBelongTogether(X509Certificate leaf, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("keys of type " + key.getAlgorithm()
                    + " are not served; use RSA or EC");
        };
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(PROBE);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException("the private key does not belong to the leaf certificate "
                        + leaf.getSubjectX500Principal());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key does not belong to the leaf certificate "
                    + leaf.getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }
}
