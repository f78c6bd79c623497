package dev.signalbox.panel.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret form of API tokens: {@code sbx_} and 32 random bytes in base64url. Only a SHA-256 hash
 * is stored: the secret has full entropy, so a slow KDF would add nothing but latency per request.
 */
final class ApiTokenSecrets {

    static final String MARKER = "sbx_";
    static final int PREFIX_LENGTH = 8;
    private static final int RANDOM_BYTES = 32;
    private static final Pattern WELL_FORMED = Pattern.compile("sbx_[A-Za-z0-9_-]{43}");

    private final SecureRandom random;

    ApiTokenSecrets(SecureRandom random) {
        this.random = random;
    }

    /** A new token: the secret to show once, the prefix to recognise it by and the hash to store. */
    record Issued(String secret, String prefix, String hash) {
    }

    Issued issue() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String secret = MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(secret, prefixOf(secret), hash(secret));
    }

    /** The hash to look a presented token up by, or empty when it cannot be a Signalbox token. */
    static Optional<String> hashOfPresented(String presented) {
        return WELL_FORMED.matcher(presented).matches() ? Optional.of(hash(presented)) : Optional.empty();
    }

    static String prefixOf(String secret) {
        return secret.substring(MARKER.length(), MARKER.length() + PREFIX_LENGTH);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
