package dev.signalbox.panel.certificate;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.problem.FieldViolation;

/**
 * The kind of key a leaf certificate carries, if gateway nodes serve it: RSA of 2048 to 8192 bits
 * (shorter is breakable, longer makes every handshake slow), or EC on P-256 or P-384.
 *
 * @param algorithm RSA or EC
 * @param size      modulus bits, or the curve's size
 */
record LeafKey(String algorithm, int size) {

    static final int RSA_MIN_BITS = 2048;
    static final int RSA_MAX_BITS = 8192;

    private static final Map<ASN1ObjectIdentifier, Integer> CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, 256,
            SECObjectIdentifiers.secp384r1, 384);

    /** The leaf's key, or null with a violation when nodes would not serve it. */
    static @Nullable LeafKey of(PublicKey key, List<FieldViolation> violations) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS) {
                violations.add(new FieldViolation(PemDecoder.CHAIN, "the leaf certificate has a " + bits + "-bit RSA key;"
                        + " use one of " + RSA_MIN_BITS + " to " + RSA_MAX_BITS + " bits, or EC P-256 or P-384"));
                return null;
            }
            return new LeafKey("RSA", bits);
        }
        if (key.getAlgorithm().equals("EC")) {
            ASN1Encodable parameters = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters();
            Integer size = parameters instanceof ASN1ObjectIdentifier curve ? CURVES.get(curve) : null;
            if (size == null) {
                violations.add(new FieldViolation(PemDecoder.CHAIN, "the leaf certificate's EC key is on "
                        + curveName(parameters) + "; use P-256 or P-384 (or RSA)"));
                return null;
            }
            return new LeafKey("EC", size);
        }
        violations.add(new FieldViolation(PemDecoder.CHAIN, "the leaf certificate has a " + key.getAlgorithm()
                + " key; gateway nodes serve RSA and EC (P-256, P-384) keys"));
        return null;
    }

    private static String curveName(@Nullable ASN1Encodable parameters) {
        if (parameters instanceof ASN1ObjectIdentifier curve) {
            String name = ECNamedCurveTable.getName(curve);
            return "curve " + (name == null ? curve.getId() : name);
        }
        return "a curve given by explicit parameters";
    }
}
