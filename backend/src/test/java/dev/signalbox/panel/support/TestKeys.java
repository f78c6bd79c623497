package dev.signalbox.panel.support;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import dev.signalbox.protocol.DataPlaneCipher;

/**
 * The panel's AES keys in the tests, made once per test JVM (the Spring context is cached across
 * classes, so it must keep seeing the same ones) and never written anywhere.
 */
public final class TestKeys {

    public static final String DATA_PLANE_KEY_ID = "2026.11";
    public static final String AT_REST_KEY_ID = "test-1";

    private static final String DATA_PLANE_KEY = random();
    private static final String AT_REST_KEY = random();

    private TestKeys() {
    }

    /** As the gateway nodes hold it: opens what the panel seals for them. */
    public static DataPlaneCipher dataPlane() {
        return DataPlaneCipher.ofBase64Keys(Map.of(DATA_PLANE_KEY_ID, DATA_PLANE_KEY));
    }

    /** Opens what the panel stores in the database. */
    public static DataPlaneCipher atRest() {
        return DataPlaneCipher.ofBase64Keys(Map.of(AT_REST_KEY_ID, AT_REST_KEY));
    }

    static String dataPlaneKey() {
        return DATA_PLANE_KEY;
    }

    static String atRestKey() {
        return AT_REST_KEY;
    }

    private static String random() {
        byte[] key = new byte[DataPlaneCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
