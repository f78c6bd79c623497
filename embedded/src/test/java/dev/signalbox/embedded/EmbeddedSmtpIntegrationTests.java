package dev.signalbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EmbeddedSmtpIntegrationTests {

    @Test
    void receivesAMailSentOverSmtp() throws Exception {
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(0)) {
            Properties settings = new Properties();
            settings.put("mail.smtp.host", smtp.host());
            settings.put("mail.smtp.port", String.valueOf(smtp.port()));
            MimeMessage message = new MimeMessage(Session.getInstance(settings));
            message.setFrom(new InternetAddress("noreply@signalbox.test"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("demo@acme.test"));
            message.setSubject("Verify your address");
            message.setText("Your code is 123456");
            Transport.send(message);

            assertThat(smtp.awaitMessages(1, Duration.ofSeconds(10))).isTrue();
            MimeMessage received = smtp.receivedMessages().get(0);
            assertThat(received.getSubject()).isEqualTo("Verify your address");
            assertThat(received.getAllRecipients()[0].toString()).isEqualTo("demo@acme.test");
            assertThat(((String) received.getContent()).trim()).isEqualTo("Your code is 123456");

            smtp.clear();
            assertThat(smtp.receivedMessages()).isEmpty();
        }
    }
}
