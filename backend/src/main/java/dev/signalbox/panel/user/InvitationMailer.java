package dev.signalbox.panel.user;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import dev.signalbox.panel.problem.ProblemType;
import dev.signalbox.panel.problem.SignalboxProblemException;

/** Sends the invitation e-mail with its one-time accept link. */
@Component
class InvitationMailer {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final JavaMailSender mail;
    private final String sender;

    InvitationMailer(JavaMailSender mail, InvitationProperties properties) {
        this.mail = mail;
        this.sender = properties.sender();
    }

    /**
     * The secret travels in the link's fragment ({@code #token=…}), which browsers never send to a
     * server, so it stays out of access logs and Referer headers.
     */
    static String acceptLink(String consoleUrl, String secret) {
        String base = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
        return base + "/accept-invitation#token=" + secret;
    }

    /** Throws a 503 problem when the mail server does not take the message, so the invitation is not kept. */
    void send(Invitation invitation, String tenantName, String link) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(sender);
        message.setTo(invitation.email());
        message.setSubject("You are invited to " + tenantName + " on Signalbox");
        message.setText("""
                %s invited you to the Signalbox tenant "%s" as %s.

                Accept the invitation and choose your password here:
                %s

                The link works once and until %s. If you did not expect this, ignore this e-mail.
                """.formatted(invitation.invitedByEmail(), tenantName, invitation.role().name().toLowerCase(Locale.ROOT),
                link, EXPIRY.format(invitation.expiresAt())));
        try {
            mail.send(message);
        } catch (MailException e) {
            throw new SignalboxProblemException(ProblemType.UNAVAILABLE,
                    "The invitation e-mail could not be sent (mail server unavailable); nothing was saved, try again");
        }
    }
}
