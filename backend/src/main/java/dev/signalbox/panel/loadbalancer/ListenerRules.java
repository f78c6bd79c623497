package dev.signalbox.panel.loadbalancer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.protocol.ListenerProtocol;

/** Validates a listener's own settings and its default action (not yet the target groups it names). */
public final class ListenerRules {

    private ListenerRules() {
    }

    /** @param pointer JSON pointer of the listener, empty for a request body */
    public static List<FieldViolation> validate(ListenerSettings settings, String pointer, ResourceLimits limits) {
        List<FieldViolation> violations = new ArrayList<>();
        if (settings.protocol() == ListenerProtocol.UNKNOWN) {
            violations.add(new FieldViolation(pointer + "/protocol", "must be HTTP, HTTPS or TCP"));
            return violations;
        }
        if (settings.port() < 1 || settings.port() > 65_535) {
            violations.add(new FieldViolation(pointer + "/port", "must be 1 to 65535"));
        }
        violations.addAll(ActionRules.validate(settings.defaultAction(), pointer + "/defaultAction", settings.protocol(),
                limits));
        if (settings.protocol() == ListenerProtocol.HTTPS) {
            if (!TlsPolicies.NAMES.contains(settings.tlsPolicy())) {
                violations.add(new FieldViolation(pointer + "/tlsPolicy", "must be one of " + TlsPolicies.NAMES));
            }
            if (settings.certificateIds().isEmpty()) {
                violations.add(new FieldViolation(pointer + "/certificateIds",
                        "an HTTPS listener needs at least one certificate"));
            }
            if (settings.certificateIds().size() > limits.certificatesPerListener()) {
                violations.add(new FieldViolation(pointer + "/certificateIds", "a listener has at most "
                        + limits.certificatesPerListener() + " certificates (limit "
                        + "signalbox.limits.certificates-per-listener = " + limits.certificatesPerListener() + ")"));
            }
            if (new HashSet<>(settings.certificateIds()).size() != settings.certificateIds().size()) {
                violations.add(new FieldViolation(pointer + "/certificateIds", "lists a certificate twice"));
            }
        } else {
            if (settings.tlsPolicy() != null) {
                violations.add(new FieldViolation(pointer + "/tlsPolicy", "only HTTPS listeners have a TLS policy"));
            }
            if (!settings.certificateIds().isEmpty()) {
                violations.add(new FieldViolation(pointer + "/certificateIds", "only HTTPS listeners have certificates"));
            }
        }
        return violations;
    }
}
