package dev.signalbox.panel.configuration;

import java.util.List;
import java.util.Map;

import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.panel.problem.InvalidFieldException;
import dev.signalbox.panel.problem.SignalboxProblemException;

/**
 * Points a service's refusal at the change of the document that caused it: a 409 (e.g. a port or
 * host name another load balancer holds) gets the change's pointer, a validation error's pointers
 * are moved under it.
 */
final class ChangeFailures {

    private ChangeFailures() {
    }

    static void at(ConfigurationChange change, Runnable step) {
        try {
            step.run();
        } catch (InvalidFieldException invalid) {
            throw new InvalidFieldException(errors(invalid).stream()
                    .map(error -> new FieldViolation(change.pointer() + error.get("pointer"), error.get("detail")))
                    .toList());
        } catch (SignalboxProblemException problem) {
            String detail = String.valueOf(problem.getBody().getDetail());
            problem.getBody().setProperty("errors", List.of(Map.of("pointer", change.pointer(), "detail", detail)));
            throw problem;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> errors(InvalidFieldException invalid) {
        Map<String, Object> properties = invalid.getBody().getProperties();
        Object errors = properties == null ? null : properties.get("errors");
        return errors instanceof List<?> list ? (List<Map<String, String>>) list : List.of();
    }
}
