package dev.signalbox.panel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the panel under {@code signalbox.*}; the defaults suit the local stack.
 *
 * @param baseDomain the domain under which load balancers get their DNS names
 *                   ({@code <name>.<tenant>.<baseDomain>})
 * @param publish    how the outbox relay delivers config snapshots to Kafka
 * @param topics     how the panel creates its Kafka topics
 * @param telemetry  how node status and target health are kept
 * @param maxRequestBytes largest request body accepted
 */
@ConfigurationProperties("signalbox")
public record SignalboxProperties(
        @DefaultValue("lb.localhost") String baseDomain,
        @DefaultValue Publish publish,
        @DefaultValue Topics topics,
        @DefaultValue Telemetry telemetry,
        @DefaultValue("262144") long maxRequestBytes) {

    /**
     * @param relayInterval pause between two polls of the outbox
     * @param sendTimeout   how long the relay waits for Kafka to acknowledge a batch
     * @param batchSize     outbox rows taken per relay transaction
     */
    public record Publish(
            @DefaultValue("100ms") Duration relayInterval,
            @DefaultValue("5s") Duration sendTimeout,
            @DefaultValue("500") int batchSize) {
    }

    /**
     * @param partitions partitions of the topics the panel creates
     * @param replicas   replication factor of those topics
     */
    public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas) {
    }

    /**
     * @param nodeSilenceLimit a node silent for longer is no longer shown
     * @param targetHealthTtl  how long a node's target health report counts; nodes send one on every
     *                         change and at least every 10 s, so a node that stops reporting drops out
     *                         after three missed reports
     */
    public record Telemetry(@DefaultValue("30s") Duration nodeSilenceLimit,
            @DefaultValue("35s") Duration targetHealthTtl) {
    }
}
