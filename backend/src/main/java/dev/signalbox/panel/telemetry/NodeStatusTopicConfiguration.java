package dev.signalbox.panel.telemetry;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.signalbox.panel.SignalboxProperties;
import dev.signalbox.protocol.Topics;

@Configuration(proxyBeanMethods = false)
class NodeStatusTopicConfiguration {

    /** Status reports are a stream of events (keyed by node id), so ordinary deletion-based retention. */
    @Bean
    NewTopic nodeStatusTopic(SignalboxProperties properties) {
        return TopicBuilder.name(Topics.NODE_STATUS)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }
}
