package dev.signalbox.node.tls;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The data-plane keys that open the private keys of certificates, under
 * {@code signalbox.node.data-plane-keys}: key id → 32 random bytes in base64, the same as the
 * panel's. Keep every id the panel may still have sealed with; without any key, no HTTPS listener
 * can serve.
 *
 * @param dataPlaneKeys key id → base64 AES-256 key
 */
@ConfigurationProperties("signalbox.node")
public record DataPlaneKeysProperties(@DefaultValue Map<String, String> dataPlaneKeys) {

    public DataPlaneKeysProperties {
        dataPlaneKeys = Map.copyOf(dataPlaneKeys);
    }

    @Override
    public String toString() {
        // the keys never reach a log or an actuator page
        return "DataPlaneKeysProperties[ids=" + dataPlaneKeys.keySet() + "]";
    }
}
