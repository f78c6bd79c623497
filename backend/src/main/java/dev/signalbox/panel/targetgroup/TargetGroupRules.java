package dev.signalbox.panel.targetgroup;

import java.util.ArrayList;
import java.util.List;

import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HashKeyType;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetProtocol;

/** Validates target group settings with AWS's ranges; every violation is reported. */
public final class TargetGroupRules {

    private TargetGroupRules() {
    }

    /** @param pointer JSON pointer of the target group, empty for a request body */
    public static List<FieldViolation> validate(TargetGroupSettings settings, String pointer) {
        List<FieldViolation> violations = new ArrayList<>();
        range(violations, pointer + "/port", settings.port(), 1, 65_535);
        HashKeySnapshot hashKey = settings.hashKey();
        if (settings.algorithm() != Algorithm.CONSISTENT_HASH && hashKey != null) {
            violations.add(new FieldViolation(pointer + "/hashKey", "only CONSISTENT_HASH groups have a hash key"));
        }
        if (hashKey != null) {
            boolean named = hashKey.type() != HashKeyType.SOURCE_IP;
            if (named && (hashKey.name() == null || hashKey.name().isBlank())) {
                violations.add(new FieldViolation(pointer + "/hashKey/name", "a " + hashKey.type()
                        + " hash key needs the name of the header or cookie"));
            } else if (!named && hashKey.name() != null) {
                violations.add(new FieldViolation(pointer + "/hashKey/name", "a SOURCE_IP hash key has no name"));
            }
            if (named && settings.protocol() == TargetProtocol.TCP) {
                violations.add(new FieldViolation(pointer + "/hashKey/type", "a TCP group can only hash the SOURCE_IP"));
            }
        }
        HealthCheckSnapshot check = settings.healthCheck();
        range(violations, pointer + "/healthCheck/intervalSeconds", check.intervalSeconds(), 5, 300);
        range(violations, pointer + "/healthCheck/timeoutSeconds", check.timeoutSeconds(), 2, 120);
        if (check.timeoutSeconds() >= check.intervalSeconds()) {
            violations.add(new FieldViolation(pointer + "/healthCheck/timeoutSeconds", "timeoutSeconds ("
                    + check.timeoutSeconds() + ") must be less than intervalSeconds (" + check.intervalSeconds() + ")"));
        }
        range(violations, pointer + "/healthCheck/healthyThreshold", check.healthyThreshold(), 2, 10);
        range(violations, pointer + "/healthCheck/unhealthyThreshold", check.unhealthyThreshold(), 2, 10);
        TargetGroupAttributesSnapshot attributes = settings.attributes();
        String at = pointer + "/attributes";
        range(violations, at + "/deregistrationDelaySeconds", attributes.deregistrationDelaySeconds(), 0, 3600);
        if (attributes.slowStartSeconds() != 0 && (attributes.slowStartSeconds() < 30 || attributes.slowStartSeconds() > 900)) {
            violations.add(new FieldViolation(at + "/slowStartSeconds", "must be 0 (off) or 30 to 900"));
        }
        range(violations, at + "/stickiness/durationSeconds", attributes.stickiness().durationSeconds(), 1, 604_800);
        if (!attributes.stickiness().type().equals("lb_cookie")) {
            violations.add(new FieldViolation(at + "/stickiness/type", "must be lb_cookie"));
        }
        if (attributes.stickiness().enabled() && settings.protocol() == TargetProtocol.TCP) {
            violations.add(new FieldViolation(at + "/stickiness/enabled", "a TCP group cannot stick by cookie"));
        }
        range(violations, at + "/retries", attributes.retries(), 0, 5);
        range(violations, at + "/connectTimeoutMillis", attributes.connectTimeoutMillis(), 100, 60_000);
        range(violations, at + "/responseTimeoutSeconds", attributes.responseTimeoutSeconds(), 1, 4000);
        return violations;
    }

    private static void range(List<FieldViolation> violations, String pointer, int value, int min, int max) {
        if (value < min || value > max) {
            violations.add(new FieldViolation(pointer, "must be " + min + " to " + max));
        }
    }
}
