package dev.signalbox.panel.publish;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.signalbox.panel.SignalboxProperties;

/**
 * Sends snapshots and tombstones to the config and certificates topics and waits until Kafka has
 * acknowledged all of them.
 */
@Component
class ConfigPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final long sendTimeoutMillis;
    /** Only the relay thread touches it. */
    private boolean topicsReady;

    ConfigPublisher(KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin, SignalboxProperties properties) {
        this.kafka = kafka;
        this.admin = admin;
        this.sendTimeoutMillis = properties.publish().sendTimeout().toMillis();
    }

    /** Throws when any message was not acknowledged in time; the caller then keeps its outbox rows. */
    void publishAll(List<PendingMessage> messages) throws PublishFailedException {
        ensureTopics();
        CompletableFuture<?>[] sends = messages.stream()
                .map(message -> kafka.send(message.topic(), message.key(), message.value()))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(sendTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishFailedException("Kafka did not take the config messages: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge within " + sendTimeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("Interrupted while waiting for Kafka", e);
        }
    }

    /**
     * The topics must exist compacted before the first send: a broker that auto-creates topics
     * would otherwise create it with deletion-based retention. The admin creates it when the panel
     * starts; if Kafka was down then, this creates it now.
     */
    private void ensureTopics() throws PublishFailedException {
        if (!topicsReady) {
            topicsReady = admin.initialize();
            if (!topicsReady) {
                throw new PublishFailedException("Cannot create the Kafka topics yet", null);
            }
        }
    }

    static final class PublishFailedException extends Exception {

        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
