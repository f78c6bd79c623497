package dev.signalbox.node.config;

import org.springframework.stereotype.Component;

/**
 * How far the node's config is trusted, for readiness. Written by the config reader, read by health
 * checks on any thread.
 */
@Component
class ConfigSyncState {

    private volatile int loadedFromDisk;
    private volatile boolean caughtUp;
    private volatile boolean kafkaUnreachable;

    void loadedFromDisk(int loadBalancers) {
        loadedFromDisk = loadBalancers;
    }

    /** Every record that was in the config topic when the node first reached Kafka is applied. */
    void caughtUp() {
        caughtUp = true;
    }

    void kafkaReachable(boolean reachable) {
        kafkaUnreachable = !reachable;
    }

    int loadedFromDisk() {
        return loadedFromDisk;
    }

    boolean isCaughtUp() {
        return caughtUp;
    }

    boolean isKafkaUnreachable() {
        return kafkaUnreachable;
    }

    /**
     * Ready once caught up with the topic, or, before that, while Kafka cannot be reached and a
     * stored config is served: a stale config beats none when the control plane is down (static
     * stability). A node with neither serves nothing worth sending traffic to.
     */
    boolean isReady() {
        return caughtUp || (kafkaUnreachable && loadedFromDisk > 0);
    }
}
