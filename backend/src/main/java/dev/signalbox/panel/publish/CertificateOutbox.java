package dev.signalbox.panel.publish;

import java.nio.charset.StandardCharsets;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.signalbox.panel.certificate.CertificateDeleted;
import dev.signalbox.panel.certificate.CertificateRevised;
import dev.signalbox.protocol.ProtocolCodec;

/**
 * Writes an outbox row for every certificate change, synchronously inside its transaction. The row
 * carries the message as sealed for the nodes, so the relay sends it without any key, and a change
 * that rolls back leaves nothing to send.
 */
@Component
class CertificateOutbox {

    private final JdbcClient jdbc;
    private final ProtocolCodec codec = new ProtocolCodec();

    CertificateOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CertificateRevised revised) {
        jdbc.sql("insert into outbox (certificate_id, revision, payload) values (?, ?, ?)")
                .params(revised.certificateId(), revised.snapshot().revision(),
                        new String(codec.encode(revised.snapshot()), StandardCharsets.UTF_8))
                .update();
    }

    @EventListener
    void on(CertificateDeleted deleted) {
        jdbc.sql("insert into outbox (certificate_id, revision, payload) values (?, null, null)")
                .params(deleted.certificateId())
                .update();
    }
}
