package dev.signalbox.panel.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.Topics;

/** Reads the config topic from the beginning, as a gateway node does. */
public final class ConfigTopic {

    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private ConfigTopic() {
    }

    /** One record of a load balancer: its snapshot, or null for a tombstone. */
    public record Message(String key, @Nullable LoadBalancerSnapshot snapshot) {
    }

    /** All records of {@code key} in topic order, polling until {@code until} holds for them or the timeout passes. */
    public static List<Message> awaitMessages(String key, Predicate<List<Message>> until, Duration timeout) {
        List<Message> messages = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            messages = TopicRecords.valuesOf(Topics.CONFIG, key).stream()
                    .map(value -> new Message(key, value == null ? null : CODEC.decodeSnapshot(value)))
                    .toList();
            if (until.test(messages)) {
                return messages;
            }
            TopicRecords.sleep(200);
        }
        return messages;
    }

    /** The last record of {@code key}, once its snapshot satisfies {@code condition} (or a tombstone if asked). */
    public static Optional<Message> awaitLatest(String key, Predicate<Message> condition, Duration timeout) {
        List<Message> messages = awaitMessages(key, list -> !list.isEmpty() && condition.test(list.get(list.size() - 1)),
                timeout);
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
    }
}
