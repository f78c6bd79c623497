package dev.signalbox.panel.support.contract;

import java.util.regex.Pattern;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * {@code format: email} as JSON Schema defines it, an RFC 5321 Mailbox: a dot-atom or quoted local
 * part, {@code @}, and a domain of DNS labels. The library's own check also demands a top-level
 * domain from its built-in list, which rejects the reserved {@code .example} and {@code .test}
 * domains the tests (rightly) use.
 */
final class MailboxFormat implements Format {

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern MAILBOX = Pattern.compile(
            "(?:" + ATOM + "(?:\\." + ATOM + ")*|\"(?:[\\x20-\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*\")"
                    + "@" + LABEL + "(?:\\." + LABEL + ")*");

    @Override
    public String getName() {
        return "email";
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return value.length() <= 254 && MAILBOX.matcher(value).matches();
    }
}
