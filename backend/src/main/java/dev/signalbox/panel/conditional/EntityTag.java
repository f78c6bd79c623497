package dev.signalbox.panel.conditional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * A strong entity tag: a digest of a resource's configuration view (a record of the values a
 * client can change or see changing). Equal configurations have equal tags, and any change to a
 * value gives a new tag, so a tag read before a change never matches after it.
 *
 * @param opaque the tag without quotes
 */
public record EntityTag(String opaque) {

    /**
     * Times count to the microsecond, as Postgres stores them: a view built from a just-created
     * entity (nanoseconds) and the same one read back must have the same tag.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(Instant.class, new ValueSerializer<Instant>() {
                @Override
                public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
                    generator.writeString(value.truncatedTo(ChronoUnit.MICROS).toString());
                }
            }))
            .build();

    /** The tag of a view: a record (or list of values) serialised to JSON and digested. */
    public static EntityTag of(Object view) {
        byte[] json = JSON.writeValueAsBytes(view);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            // 128 bits are plenty to tell versions of one resource apart
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** As sent in the {@code ETag} header: quoted. */
    public String header() {
        return '"' + opaque + '"';
    }

    @Override
    public String toString() {
        return header();
    }

    static boolean isValidOpaque(String value) {
        // RFC 9110 etagc: %x21 / %x23-7E / obs-text; no quote, no control characters
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '"' || c < 0x21 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
