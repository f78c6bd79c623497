package dev.signalbox.panel.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.signalbox.embedded.EmbeddedKafka;
import dev.signalbox.embedded.EmbeddedPostgres;
import dev.signalbox.embedded.EmbeddedRedis;
import dev.signalbox.embedded.EmbeddedSmtp;

/**
 * Real Postgres, Kafka, Redis and SMTP (GreenMail), started once per test JVM (the Spring test
 * context is cached across classes, so they must outlive any one class) and stopped by a shutdown hook.
 */
public final class TestServices {

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafka kafka;
    private static EmbeddedRedis redis;
    private static EmbeddedSmtp smtp;

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
        registry.add("spring.mail.host", smtp::host);
        registry.add("spring.mail.port", smtp::port);
    }

    public static synchronized EmbeddedKafka kafka() {
        startOnce();
        return kafka;
    }

    /** The SMTP sink every mail of the panel goes to. */
    public static synchronized EmbeddedSmtp smtp() {
        startOnce();
        return smtp;
    }

    /** The panel's database, for tests that connect to it directly. */
    public static synchronized EmbeddedPostgres postgres() {
        startOnce();
        return postgres;
    }

    private static void startOnce() {
        if (postgres != null) {
            return;
        }
        postgres = EmbeddedPostgres.start(0);
        kafka = EmbeddedKafka.start(0);
        redis = EmbeddedRedis.start(0);
        smtp = EmbeddedSmtp.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            smtp.close();
            kafka.close();
            redis.close();
            postgres.close();
        }, "test-services-shutdown"));
    }
}
