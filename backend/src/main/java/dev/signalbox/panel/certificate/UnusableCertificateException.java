package dev.signalbox.panel.certificate;

import java.util.List;
import java.util.Map;

import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.panel.problem.ProblemType;
import dev.signalbox.panel.problem.SignalboxProblemException;

/** An upload that is well-formed JSON but whose chain or key cannot be served: a 422 listing every problem. */
class UnusableCertificateException extends SignalboxProblemException {

    /** @param violations not empty */
    UnusableCertificateException(List<FieldViolation> violations) {
        super(ProblemType.UNUSABLE_CERTIFICATE, "The certificate cannot be served: " + violations.stream()
                .map(v -> v.pointer() + " " + v.detail()).reduce((a, b) -> a + "; " + b).orElse(""));
        getBody().setProperty("errors", violations.stream()
                .map(v -> Map.of("pointer", v.pointer(), "detail", v.detail())).toList());
    }
}
