package dev.signalbox.panel.problem;

import java.util.List;
import java.util.Map;

/**
 * A request that is well-formed but names something unusable, e.g. a target group of another load
 * balancer; reported like a validation error, with the JSON pointer of the offending value.
 */
public class InvalidFieldException extends SignalboxProblemException {

    public InvalidFieldException(String pointer, String detail) {
        super(ProblemType.VALIDATION, detail);
        getBody().setProperty("errors", List.of(Map.of("pointer", pointer, "detail", detail)));
    }

    /** Reports every violation at once; {@code violations} must not be empty. */
    public InvalidFieldException(List<FieldViolation> violations) {
        super(ProblemType.VALIDATION, FieldViolation.summary(violations));
        getBody().setProperty("errors", violations.stream()
                .map(v -> Map.of("pointer", v.pointer(), "detail", v.detail())).toList());
    }
}
