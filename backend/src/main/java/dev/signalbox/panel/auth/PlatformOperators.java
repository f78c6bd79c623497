package dev.signalbox.panel.auth;

import java.util.Set;

import org.springframework.stereotype.Component;

/** Who operates the platform: the users whose e-mail is listed in {@code signalbox.auth.operators}. */
@Component
class PlatformOperators {

    private final Set<String> emails;

    PlatformOperators(AuthProperties properties) {
        this.emails = properties.operatorEmails();
    }

    boolean isOperator(UserInfo user) {
        return emails.contains(EmailAddresses.canonical(user.email()));
    }
}
