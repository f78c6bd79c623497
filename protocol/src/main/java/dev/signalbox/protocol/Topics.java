package dev.signalbox.protocol;

/** Names of the Kafka topics between panel and nodes. */
public final class Topics {

    /** Compacted; key = load balancer id; value = {@link LoadBalancerSnapshot}, or null when deleted. */
    public static final String CONFIG = "signalbox.config.v1";

    /**
     * Compacted; key = certificate id; value = {@link CertificateSnapshot} with its private key sealed
     * by a {@link DataPlaneCipher}, or null when the certificate is deleted.
     */
    public static final String CERTIFICATES = "signalbox.certs.v1";

    /** Key = node id; value = {@link NodeStatus}. */
    public static final String NODE_STATUS = "signalbox.node-status.v1";

    /** Key = node id; value = {@link TargetHealthReport}; kept for an hour. */
    public static final String TARGET_HEALTH = "signalbox.target-health.v1";

    /** Key = node id; value = {@link MetricsReport}; kept for a day. */
    public static final String NODE_METRICS = "signalbox.node-metrics.v1";

    private Topics() {
    }
}
