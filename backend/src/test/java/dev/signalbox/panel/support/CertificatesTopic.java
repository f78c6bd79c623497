package dev.signalbox.panel.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.CertificateSnapshot;
import dev.signalbox.protocol.ProtocolCodec;
import dev.signalbox.protocol.Topics;

/** Reads the certificates topic from the beginning, as a gateway node does. */
public final class CertificatesTopic {

    private static final ProtocolCodec CODEC = new ProtocolCodec();

    private CertificatesTopic() {
    }

    /** One record of a certificate: its raw value (to look for leaks), decoded; both null for a tombstone. */
    public record Message(byte @Nullable [] value, @Nullable CertificateSnapshot snapshot) {
    }

    /** All records of certificate {@code id} in topic order, polling until {@code until} holds for them or the timeout passes. */
    public static List<Message> awaitMessages(String id, Predicate<List<Message>> until, Duration timeout) {
        List<Message> messages = List.of();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            messages = TopicRecords.valuesOf(Topics.CERTIFICATES, id).stream()
                    .map(value -> new Message(value, value == null ? null : CODEC.decodeCertificate(value)))
                    .toList();
            if (until.test(messages)) {
                return messages;
            }
            TopicRecords.sleep(200);
        }
        return messages;
    }
}
