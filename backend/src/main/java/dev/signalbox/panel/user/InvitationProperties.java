package dev.signalbox.panel.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of invitations under {@code signalbox.invitations.*}.
 *
 * @param lifetime   how long an invitation link works
 * @param consoleUrl the console's public address for accept links; blank: the address the inviting
 *                   admin used (set it when the panel is behind a proxy)
 * @param sender     the From address of invitation e-mails
 */
@ConfigurationProperties("signalbox.invitations")
public record InvitationProperties(
        @DefaultValue("7d") Duration lifetime,
        @DefaultValue("") String consoleUrl,
        @DefaultValue("signalbox@localhost") String sender) {
}
