package dev.signalbox.panel.auth;

import java.util.Locale;

/** E-mail addresses are compared case-insensitively: store and look them up in one form. */
final class EmailAddresses {

    private EmailAddresses() {
    }

    static String canonical(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
