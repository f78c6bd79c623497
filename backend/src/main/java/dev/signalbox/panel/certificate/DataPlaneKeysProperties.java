package dev.signalbox.panel.certificate;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that seal certificates' private keys for the gateway nodes, under
 * {@code signalbox.data-plane-keys}: key id → 32 random bytes in base64, the same ids and keys as
 * the nodes' {@code signalbox.node.data-plane-keys}. The greatest id seals.
 *
 * @param dataPlaneKeys key id → base64 AES-256 key
 */
@ConfigurationProperties("signalbox")
record DataPlaneKeysProperties(@DefaultValue Map<String, String> dataPlaneKeys) {

    DataPlaneKeysProperties {
        dataPlaneKeys = Map.copyOf(dataPlaneKeys);
    }

    @Override
    public String toString() {
        // the keys never reach a log or an actuator page
        return "DataPlaneKeysProperties[ids=" + dataPlaneKeys.keySet() + "]";
    }
}
