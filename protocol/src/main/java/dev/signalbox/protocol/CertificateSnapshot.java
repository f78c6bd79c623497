package dev.signalbox.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A certificate HTTPS listeners serve, as the panel publishes it to {@link Topics#CERTIFICATES}.
 * Listeners name it in {@link ListenerSnapshot#certificateIds()}; nodes pick one per TLS handshake
 * by the server name the client asks for (SNI) among its {@code hostNames}.
 *
 * <p>The private key never travels in the clear: it is sealed by a {@link DataPlaneCipher} with a
 * data-plane key panel and nodes share, bound to this certificate's id.
 *
 * @param schemaVersion       version of this message's shape, {@link #SCHEMA_VERSION} when written
 * @param id                  certificate id, also the Kafka key
 * @param tenantId            owning tenant
 * @param revision            increases with every replacement of the certificate under this id; a
 *                            node takes a snapshot only if it is newer than the one it holds
 * @param certificateChainPem the leaf certificate first, then its intermediates, PEM encoded
 * @param privateKey          the leaf's private key as PKCS#8 PEM, sealed
 * @param hostNames           the DNS names of the leaf's subject alternative names, lower case;
 *                            {@code *.example.com} covers exactly one label in front of example.com
 * @param notAfter            end of the leaf's validity
 */
public record CertificateSnapshot(
        int schemaVersion,
        UUID id,
        UUID tenantId,
        long revision,
        String certificateChainPem,
        SealedPrivateKey privateKey,
        List<String> hostNames,
        Instant notAfter) {

    /** The schema version this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public CertificateSnapshot {
        // a snapshot without these could never be served; failing here makes the codec reject it
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(certificateChainPem, "certificateChainPem");
        Objects.requireNonNull(privateKey, "privateKey");
        hostNames = hostNames == null ? List.of() : List.copyOf(hostNames);
    }
}
