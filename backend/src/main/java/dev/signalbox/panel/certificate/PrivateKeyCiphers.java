package dev.signalbox.panel.certificate;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.signalbox.panel.problem.ProblemType;
import dev.signalbox.panel.problem.SignalboxProblemException;
import dev.signalbox.protocol.DataPlaneCipher;
import dev.signalbox.protocol.SealedPrivateKey;

/**
 * Encrypts private keys twice over, each time bound to the certificate id: for the database with
 * the at-rest keys, and for the gateway nodes with the data-plane keys. A key that is not base64 or
 * not 32 bytes stops the panel at start; no key at all only refuses certificate changes (503), so a
 * panel without HTTPS still runs.
 */
@Component
class PrivateKeyCiphers {

    private final DataPlaneCipher atRest;
    private final DataPlaneCipher dataPlane;

    PrivateKeyCiphers(AtRestKeysProperties atRestKeys, DataPlaneKeysProperties dataPlaneKeys) {
        this.atRest = cipher(atRestKeys.atRestKeys(), "signalbox.certificates.at-rest-keys");
        this.dataPlane = cipher(dataPlaneKeys.dataPlaneKeys(), "signalbox.data-plane-keys");
    }

    /** Throws a 503 problem unless both kinds of key are configured. */
    void requireKeys() {
        if (dataPlane.sealingKeyId() == null || atRest.sealingKeyId() == null) {
            String missing = dataPlane.sealingKeyId() == null ? "no data-plane key is configured (signalbox.data-plane-keys.<id>,"
                    + " the same as the gateway nodes' signalbox.node.data-plane-keys.<id>)"
                    : "no at-rest key is configured (signalbox.certificates.at-rest-keys.<id>)";
            throw new SignalboxProblemException(ProblemType.UNAVAILABLE, "Certificates cannot be stored: " + missing
                    + "; an operator sets it to 32 random bytes in base64 (openssl rand -base64 32) and restarts the panel");
        }
    }

    SealedPrivateKey sealAtRest(UUID certificateId, byte[] privateKeyPem) {
        return atRest.seal(certificateId, privateKeyPem);
    }

    SealedPrivateKey sealForNodes(UUID certificateId, byte[] privateKeyPem) {
        return dataPlane.seal(certificateId, privateKeyPem);
    }

    private static DataPlaneCipher cipher(Map<String, String> base64Keys, String property) {
        try {
            return DataPlaneCipher.ofBase64Keys(base64Keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + ": " + e.getMessage(), e);
        }
    }
}
