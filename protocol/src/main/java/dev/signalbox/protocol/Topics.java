package dev.signalbox.protocol;

/** Names of the Kafka topics between panel and nodes. */
public final class Topics {

    /** Compacted; key = load balancer id; value = {@link LoadBalancerSnapshot}, or null when deleted. */
    public static final String CONFIG = "signalbox.config.v1";

    /** Key = node id; value = {@link NodeStatus}. */
    public static final String NODE_STATUS = "signalbox.node-status.v1";

    private Topics() {
    }
}
