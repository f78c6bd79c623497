package dev.signalbox.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Seals and opens the private keys of {@link CertificateSnapshot}s with the data-plane keys panel
 * and nodes share: AES-256-GCM with a random 12-byte nonce, and the certificate id as associated
 * data, so a sealed key moved into another certificate's snapshot does not open.
 *
 * <p>Keys rotate by id: a cipher holds every key still in use and seals with the newest, which is
 * the greatest id in text order (name keys by date, e.g. {@code 2026.11}). Adding the new key to
 * every node before the panel seals with it, and removing the old one only after every certificate
 * was sealed again, rotates without a failed handshake. Thread-safe.
 */
public final class DataPlaneCipher {

    /** AES-256. */
    public static final int KEY_BYTES = 32;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final TreeMap<String, SecretKey> keys = new TreeMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keys key id → 32 random bytes; may be empty, then nothing seals or opens
     * @throws IllegalArgumentException if an id is not 1–64 letters, digits, '.', '_' or '-', or a
     *                                  key is not 32 bytes
     */
    public DataPlaneCipher(Map<String, byte[]> keys) {
        keys.forEach((id, key) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("Data-plane key id '" + id
                        + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("Data-plane key '" + id + "' has " + key.length
                        + " bytes; AES-256 needs " + KEY_BYTES);
            }
            this.keys.put(id, new SecretKeySpec(key, "AES"));
        });
    }

    /** As {@link #DataPlaneCipher(Map)}, with each key written in base64, as configuration holds it. */
    public static DataPlaneCipher ofBase64Keys(Map<String, String> base64Keys) {
        Map<String, byte[]> keys = new TreeMap<>();
        base64Keys.forEach((id, base64) -> {
            try {
                keys.put(id, Base64.getDecoder().decode(base64.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Data-plane key '" + id + "' is not base64: " + e.getMessage(), e);
            }
        });
        return new DataPlaneCipher(keys);
    }

    /** The id of the key {@link #seal} uses; null when the cipher has no key. */
    public @Nullable String sealingKeyId() {
        return keys.isEmpty() ? null : keys.lastKey();
    }

    /**
     * Seals the private key of one certificate with the newest key.
     *
     * @param certificateId the certificate the key belongs to; opening needs the same id
     * @param privateKeyPem the PKCS#8 PEM of the key
     * @throws DataPlaneCipherException if the cipher has no key
     */
    public SealedPrivateKey seal(UUID certificateId, byte[] privateKeyPem) {
        String keyId = sealingKeyId();
        if (keyId == null) {
            throw new DataPlaneCipherException("No data-plane key is configured to seal the private key of certificate "
                    + certificateId);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(keyId), nonce, certificateId);
            return new SealedPrivateKey(keyId, nonce, cipher.doFinal(privateKeyPem));
        } catch (GeneralSecurityException e) {
            throw new DataPlaneCipherException("Cannot seal the private key of certificate " + certificateId, e);
        }
    }

    /**
     * Opens a private key sealed for {@code certificateId}.
     *
     * @return the PKCS#8 PEM of the key; callers should overwrite it once used
     * @throws DataPlaneCipherException if the key id is unknown here, or the sealed bytes were altered,
     *                                  sealed for another certificate or with another key of that id
     */
    public byte[] open(UUID certificateId, SealedPrivateKey sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new DataPlaneCipherException("The private key of certificate " + certificateId
                    + " is sealed with data-plane key '" + sealed.keyId() + "', which is not configured here (known: "
                    + keys.keySet() + ")");
        }
        byte[] nonce = sealed.nonce();
        if (nonce.length != NONCE_BYTES) {
            throw new DataPlaneCipherException("The private key of certificate " + certificateId + " has a "
                    + nonce.length + "-byte nonce; AES-GCM here uses " + NONCE_BYTES);
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, key, nonce, certificateId).doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new DataPlaneCipherException("The private key of certificate " + certificateId
                    + " does not open with data-plane key '" + sealed.keyId()
                    + "': it was altered, sealed for another certificate, or sealed with another key of that id", e);
        } catch (GeneralSecurityException e) {
            throw new DataPlaneCipherException("Cannot open the private key of certificate " + certificateId, e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, UUID certificateId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(certificateId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
