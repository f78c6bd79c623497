package dev.signalbox.panel.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.signalbox.embedded.EmbeddedKafka;
import dev.signalbox.embedded.EmbeddedPostgres;
import dev.signalbox.embedded.EmbeddedRedis;

/**
 * Real Postgres, Kafka and Redis, started once per test JVM (the Spring test context is cached
 * across classes, so they must outlive any one class) and stopped by a shutdown hook.
 */
public final class TestServices {

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafka kafka;
    private static EmbeddedRedis redis;

    private TestServices() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        startOnce();
        registry.add("spring.datasource.url", postgres::jdbcUrl);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
    }

    public static synchronized EmbeddedKafka kafka() {
        startOnce();
        return kafka;
    }

    private static void startOnce() {
        if (postgres != null) {
            return;
        }
        postgres = EmbeddedPostgres.start(0);
        kafka = EmbeddedKafka.start(0);
        redis = EmbeddedRedis.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            redis.close();
            postgres.close();
        }, "test-services-shutdown"));
    }
}
