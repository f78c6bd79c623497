package dev.signalbox.node;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Kafka is. The node uses plain Kafka clients, but reads the same keys as Spring Boot's Kafka
 * support, so {@code spring.kafka.bootstrap-servers} (and {@code SPRING_KAFKA_BOOTSTRAP_SERVERS})
 * work as everywhere else.
 *
 * @param bootstrapServers host:port pairs of brokers
 * @param properties       extra client settings passed to every client as they are, for example
 *                         {@code security.protocol}
 */
@ConfigurationProperties("spring.kafka")
public record KafkaConnectionProperties(
        @DefaultValue("localhost:9092") List<String> bootstrapServers,
        @DefaultValue Map<String, String> properties) {

    public KafkaConnectionProperties {
        bootstrapServers = List.copyOf(bootstrapServers);
        properties = Map.copyOf(properties);
    }

    /** Settings every client of the node starts from; callers add their own on top. */
    public Map<String, Object> clientSettings(String clientId) {
        Map<String, Object> settings = new HashMap<>(properties);
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers));
        settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return settings;
    }
}
