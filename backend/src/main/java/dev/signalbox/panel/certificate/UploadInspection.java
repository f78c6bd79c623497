package dev.signalbox.panel.certificate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.security.auth.x500.X500Principal;

import dev.signalbox.panel.problem.FieldViolation;

import static dev.signalbox.panel.certificate.PemDecoder.CHAIN;
import static dev.signalbox.panel.certificate.PemDecoder.KEY;

/**
 * Checks an upload as the gateway nodes will use it: a chain in order (each certificate issued by
 * the next), valid now, a leaf key nodes serve (RSA 2048–8192 bits, EC P-256 or P-384), and a
 * private key that belongs to the leaf. Reports every problem at once.
 */
final class UploadInspection {

    private static final byte[] PROBE = "signalbox key pair check".getBytes(StandardCharsets.US_ASCII);
    private static final int NAME_LIMIT = 2048;

    private UploadInspection() {
    }

    /** @throws UnusableCertificateException listing every problem found */
    static InspectedCertificate inspect(String chainPem, String keyPem, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        List<X509Certificate> chain = PemDecoder.certificates(chainPem, violations);
        PrivateKey key = PemDecoder.privateKey(keyPem, violations);
        LeafKey leafKey = null;
        boolean ordered = false;
        if (!chain.isEmpty()) {
            ordered = checkOrder(chain, violations);
            checkValidity(chain, now, violations);
            leafKey = LeafKey.of(chain.get(0).getPublicKey(), violations);
        }
        // out of order, the first certificate may not be the leaf: which key belongs is told once it is
        if (key != null && leafKey != null && ordered) {
            checkBelongsToLeaf(chain.get(0), key, violations);
        }
        if (!violations.isEmpty() || key == null || leafKey == null) {
            throw new UnusableCertificateException(violations);
        }
        return new InspectedCertificate(pem(chain), pkcs8Pem(key), details(chain, leafKey));
    }

    /** Whether each certificate was issued by the next. */
    private static boolean checkOrder(List<X509Certificate> chain, List<FieldViolation> violations) {
        int before = violations.size();
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate issued = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            if (!issued.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) || !verifies(issued, issuer)) {
                violations.add(new FieldViolation(CHAIN, "certificate " + (i + 2) + " (" + name(issuer)
                        + ") did not issue certificate " + (i + 1) + " (" + name(issued) + "): list the leaf first, then"
                        + " the certificate that issued it, and so on"));
            }
        }
        return violations.size() == before;
    }

    private static void checkValidity(List<X509Certificate> chain, Instant now, List<FieldViolation> violations) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            String which = i == 0 ? "the leaf certificate (" + name(certificate) + ")"
                    : "certificate " + (i + 1) + " of the chain (" + name(certificate) + ")";
            if (certificate.getNotAfter().toInstant().isBefore(now)) {
                violations.add(new FieldViolation(CHAIN, which + " expired on " + certificate.getNotAfter().toInstant()
                        + "; upload its renewal"));
            } else if (certificate.getNotBefore().toInstant().isAfter(now)) {
                violations.add(new FieldViolation(CHAIN, which + " is not valid before "
                        + certificate.getNotBefore().toInstant() + "; upload it once it is"));
            }
        }
    }

    /** What the key signs, the leaf's public key must verify: the one check that works for every key type. */
    private static void checkBelongsToLeaf(X509Certificate leaf, PrivateKey key, List<FieldViolation> violations) {
        String leafAlgorithm = leaf.getPublicKey().getAlgorithm();
        if (!key.getAlgorithm().equals(leafAlgorithm)) {
            violations.add(new FieldViolation(KEY, "is an " + key.getAlgorithm() + " key but the leaf certificate has an "
                    + leafAlgorithm + " key: it is not the leaf's private key"));
            return;
        }
        String algorithm = leafAlgorithm.equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(PROBE);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            violations.add(new FieldViolation(KEY, "does not belong to the leaf certificate (" + name(leaf)
                    + "): send the private key the leaf was issued for"));
        }
    }

    private static boolean verifies(X509Certificate issued, X509Certificate issuer) {
        try {
            issued.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static CertificateDetails details(List<X509Certificate> chain, LeafKey key) {
        X509Certificate leaf = chain.get(0);
        SubjectAlternativeNames names = SubjectAlternativeNames.of(leaf);
        return new CertificateDetails(limited(leaf.getSubjectX500Principal()), limited(leaf.getIssuerX500Principal()),
                leaf.getSerialNumber().toString(16).toUpperCase(Locale.ROOT), names.dnsNames(),
                names.ipAddresses(), leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(), key.algorithm(),
                key.size(), fingerprint(leaf), chain.size());
    }

    private static String fingerprint(X509Certificate leaf) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 and DER encoding are part of every Java runtime", e);
        }
    }

    private static String pem(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            try {
                pem.append(pemBlock("CERTIFICATE", certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("A parsed certificate re-encodes", e);
            }
        }
        return pem.toString();
    }

    /** Built as bytes, never as a String, so every copy of the key can be overwritten. */
    private static byte[] pkcs8Pem(PrivateKey key) {
        // JCA private keys encode as PKCS#8, whatever form they were read from
        byte[] der = key.getEncoded();
        byte[] base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(der);
        byte[] header = "-----BEGIN PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII);
        byte[] footer = "\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII);
        byte[] pem = new byte[header.length + base64.length + footer.length];
        System.arraycopy(header, 0, pem, 0, header.length);
        System.arraycopy(base64, 0, pem, header.length, base64.length);
        System.arraycopy(footer, 0, pem, header.length + base64.length, footer.length);
        Arrays.fill(der, (byte) 0);
        Arrays.fill(base64, (byte) 0);
        return pem;
    }

    private static String pemBlock(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String name(X509Certificate certificate) {
        return limited(certificate.getSubjectX500Principal());
    }

    private static String limited(X500Principal principal) {
        String name = principal.getName(X500Principal.RFC2253);
        return name.length() <= NAME_LIMIT ? name : name.substring(0, NAME_LIMIT - 1) + "…";
    }
}
