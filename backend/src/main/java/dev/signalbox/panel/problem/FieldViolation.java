package dev.signalbox.panel.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing wrong with a request: the JSON pointer of the offending value and what to fix.
 * Validators return these rather than throw, so a caller can report every error at once.
 */
public record FieldViolation(String pointer, String detail) {

    /** Throws an {@link InvalidFieldException} listing all violations, if there are any. */
    public static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidFieldException(violations);
        }
    }

    static String summary(List<FieldViolation> violations) {
        return violations.stream().map(v -> v.pointer() + ": " + v.detail()).collect(Collectors.joining("; "));
    }
}
