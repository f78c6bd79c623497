package dev.signalbox.panel.telemetry;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.signalbox.panel.SignalboxProperties;
import dev.signalbox.protocol.Topics;

/**
 * The topics nodes report on. Reports are streams of events keyed by node id, so ordinary
 * deletion-based retention; target health and metrics are kept only as long as they are useful.
 */
@Configuration(proxyBeanMethods = false)
class NodeTopicsConfiguration {

    @Bean
    NewTopic nodeStatusTopic(SignalboxProperties properties) {
        return TopicBuilder.name(Topics.NODE_STATUS)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }

    /** Each report repeats the whole state, so an hour is plenty to catch up after an outage. */
    @Bean
    NewTopic targetHealthTopic(SignalboxProperties properties) {
        return TopicBuilder.name(Topics.TARGET_HEALTH)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis()))
                .build();
    }

    /** As long as the longest traffic buckets, so a new consumer group can rebuild them. */
    @Bean
    NewTopic nodeMetricsTopic(SignalboxProperties properties) {
        return TopicBuilder.name(Topics.NODE_METRICS)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(1).toMillis()))
                .build();
    }
}
