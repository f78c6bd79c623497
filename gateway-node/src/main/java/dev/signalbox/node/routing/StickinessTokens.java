package dev.signalbox.node.routing;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The values of stickiness cookies: the id of a target or group and when the stickiness ends,
 * followed by an HMAC-SHA256 tag over them and the scope the value is valid in (a target's group, a
 * forward's load balancer). A client can read no address out of a value, and cannot make one that
 * names another target or group, holds in another scope, or lasts longer.
 *
 * <p>Layout before base64url: id (16 bytes), end in epoch seconds (8), the first 18 bytes of the tag.
 */
final class StickinessTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNED_BYTES = 16 + 8;
    /** 42 bytes in all, a multiple of 3: base64 has no spare bits, so each value has one spelling only. */
    private static final int TAG_BYTES = 18;
    private static final int TOKEN_BYTES = SIGNED_BYTES + TAG_BYTES;
    /** The length of every value. */
    static final int TOKEN_CHARS = TOKEN_BYTES / 3 * 4;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** A Mac is not thread-safe; one per event-loop thread, made once. */
    private final ThreadLocal<Mac> macs;

    StickinessTokens(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
            }
        });
        // fail at start, not on the first sticky request, if the key is unusable
        macs.get();
    }

    /** A value naming {@code id} in {@code scope} until {@code endEpochSecond}. */
    String issue(UUID scope, UUID id, long endEpochSecond) {
        byte[] token = new byte[TOKEN_BYTES];
        ByteBuffer.wrap(token)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .putLong(endEpochSecond)
                .put(tag(scope, token), 0, TAG_BYTES);
        return ENCODER.encodeToString(token);
    }

    /** The id {@code value} names in {@code scope}, or null when it is malformed, forged, of another scope or over. */
    @Nullable UUID verify(UUID scope, @Nullable String value, long nowEpochSecond) {
        if (value == null || value.length() != TOKEN_CHARS) {
            return null;
        }
        byte[] token;
        try {
            token = DECODER.decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (token.length != TOKEN_BYTES || !tagMatches(tag(scope, token), token)) {
            return null;
        }
        ByteBuffer fields = ByteBuffer.wrap(token);
        UUID id = new UUID(fields.getLong(), fields.getLong());
        return nowEpochSecond < fields.getLong() ? id : null;
    }

    private byte[] tag(UUID scope, byte[] token) {
        Mac mac = macs.get();
        updateLong(mac, scope.getMostSignificantBits());
        updateLong(mac, scope.getLeastSignificantBits());
        mac.update(token, 0, SIGNED_BYTES);
        return mac.doFinal();
    }

    private static void updateLong(Mac mac, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            mac.update((byte) (value >>> shift));
        }
    }

    /** Compares in constant time, so the time taken tells nothing about how much of a forged tag is right. */
    private static boolean tagMatches(byte[] expected, byte[] token) {
        int difference = 0;
        for (int i = 0; i < TAG_BYTES; i++) {
            difference |= expected[i] ^ token[SIGNED_BYTES + i];
        }
        return difference == 0;
    }
}
