package dev.signalbox.protocol;

import java.util.Arrays;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * A private key sealed by {@link DataPlaneCipher}: AES-256-GCM ciphertext (tag included) of the
 * PKCS#8 PEM, with the certificate id as associated data. The bytes are base64 in JSON.
 *
 * @param keyId      id of the data-plane key that sealed it, so keys can rotate
 * @param nonce      the 12-byte GCM nonce, random per sealing
 * @param ciphertext the encrypted key followed by the 16-byte authentication tag
 */
public record SealedPrivateKey(String keyId, byte[] nonce, byte[] ciphertext) {

    public SealedPrivateKey {
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    // records compare arrays by reference; two sealings are equal when their bytes are

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SealedPrivateKey sealed && keyId.equals(sealed.keyId)
                && Arrays.equals(nonce, sealed.nonce) && Arrays.equals(ciphertext, sealed.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * keyId.hashCode() + Arrays.hashCode(nonce)) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedPrivateKey[keyId=" + keyId + ", nonce=" + Base64.getEncoder().encodeToString(nonce)
                + ", ciphertext=" + ciphertext.length + " bytes]";
    }
}
