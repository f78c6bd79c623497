package dev.signalbox.panel.certificate;

import java.util.Arrays;

/**
 * An upload that passed every check, in the forms the panel keeps and sends.
 *
 * @param chainPem      the chain re-encoded as PEM, leaf first, nothing but the certificates
 * @param privateKeyPem the leaf's private key as PKCS#8 PEM, the form nodes read; {@link #erase} it once sealed
 * @param details       what the leaf says
 */
record InspectedCertificate(String chainPem, byte[] privateKeyPem, CertificateDetails details) {

    /** Overwrites the key in memory, so it does not linger until garbage collection. */
    void erase() {
        Arrays.fill(privateKeyPem, (byte) 0);
    }
}
