package dev.signalbox.panel.certificate;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that encrypt certificates' private keys in the database, under
 * {@code signalbox.certificates.at-rest-keys}: key id → 32 random bytes in base64. The greatest id
 * encrypts; keep every id a stored key may still be encrypted with.
 *
 * @param atRestKeys key id → base64 AES-256 key
 */
@ConfigurationProperties("signalbox.certificates")
record AtRestKeysProperties(@DefaultValue Map<String, String> atRestKeys) {

    AtRestKeysProperties {
        atRestKeys = Map.copyOf(atRestKeys);
    }

    @Override
    public String toString() {
        return "AtRestKeysProperties[ids=" + atRestKeys.keySet() + "]";
    }
}
