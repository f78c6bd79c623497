package dev.signalbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

class EmbeddedRedisIntegrationTests {

    @Test
    void storesAndReturnsAValue() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(0)) {
            RedisClient client = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.sync().set("signalbox:test", "stored");
                assertThat(connection.sync().get("signalbox:test")).isEqualTo("stored");
                assertThat(connection.sync().get("signalbox:missing")).isNull();
            } finally {
                client.shutdown();
            }
        }
    }
}
