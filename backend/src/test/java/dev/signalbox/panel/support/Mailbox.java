package dev.signalbox.panel.support;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Reads what the panel sent to the test SMTP server (GreenMail). */
public final class Mailbox {

    private static final Pattern ACCEPT_LINK = Pattern.compile("(https?://\\S+/accept-invitation)#token=([A-Za-z0-9_-]+)");

    private Mailbox() {
    }

    /** An e-mail as received: recipient, subject, text. */
    public record Mail(String to, String subject, String text) {

        /** The accept link of an invitation e-mail: the page address and the secret from its fragment. */
        public Optional<AcceptLink> acceptLink() {
            Matcher matcher = ACCEPT_LINK.matcher(text);
            return matcher.find() ? Optional.of(new AcceptLink(matcher.group(1), matcher.group(2))) : Optional.empty();
        }
    }

    public record AcceptLink(String page, String token) {
    }

    /** The newest mail to {@code recipient}, waiting for it up to {@code timeout}. */
    public static Optional<Mail> latestTo(String recipient, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        do {
            List<MimeMessage> messages = TestServices.smtp().receivedMessages();
            for (int i = messages.size() - 1; i >= 0; i--) {
                Mail mail = read(messages.get(i));
                if (mail.to().equalsIgnoreCase(recipient)) {
                    return Optional.of(mail);
                }
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        return Optional.empty();
    }

    private static Mail read(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            String recipient = to == null ? "" : Arrays.stream(to).map(Address::toString).findFirst().orElse("");
            return new Mail(recipient, String.valueOf(message.getSubject()), String.valueOf(message.getContent()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable test mail", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
