package dev.signalbox.node.forwarding;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import io.netty.util.AsciiString;

/** Which client-sent request ids are kept, and new ids for the others. */
final class RequestIds {

    static final int MAX_LENGTH = 128;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private RequestIds() {
    }

    /**
     * A sane id is short and made of characters that are safe in logs and headers, so a client
     * cannot inject line breaks or huge values into the targets' logs through it.
     */
    static boolean isSane(@Nullable String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':' || c == '+' || c == '/' || c == '=';
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    /**
     * 128 random bits as 32 hex digits, as ASCII bytes the codec writes as they are. ThreadLocalRandom
     * rather than UUID.randomUUID: ids need to be unique, not unpredictable, and the secure generator
     * would contend on every request.
     */
    static AsciiString random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] digits = new byte[32];
        writeHex(random.nextLong(), digits, 0);
        writeHex(random.nextLong(), digits, 16);
        return new AsciiString(digits, false);
    }

    private static void writeHex(long bits, byte[] digits, int offset) {
        for (int i = 15; i >= 0; i--) {
            digits[offset + i] = HEX[(int) (bits & 0xf)];
            bits >>>= 4;
        }
    }
}
