package dev.signalbox.panel.publish;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.signalbox.panel.SignalboxProperties;
import dev.signalbox.protocol.Topics;

@Configuration(proxyBeanMethods = false)
class ConfigTopicConfiguration {

    /** Compacted: a node starting from the beginning finds the latest snapshot of every load balancer. */
    @Bean
    NewTopic configTopic(SignalboxProperties properties) {
        return compacted(Topics.CONFIG, properties);
    }

    /** Compacted as well: the latest version of every certificate, and none of a deleted one once compacted. */
    @Bean
    NewTopic certificatesTopic(SignalboxProperties properties) {
        return compacted(Topics.CERTIFICATES, properties);
    }

    private static NewTopic compacted(String name, SignalboxProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .compact()
                .build();
    }
}
