package dev.signalbox.panel.targetgroup;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.api.model.HealthCheck;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.TargetProtocol;

/** Turns a requested health check into settings: missing or null values take the documented defaults (checked by {@link TargetGroupRules}). */
final class HealthCheckRequests {

    private static final HealthCheck DEFAULTS = new HealthCheck();

    private HealthCheckRequests() {
    }

    static HealthCheckSnapshot withDefaults(@Nullable HealthCheck requested) {
        HealthCheck check = requested == null ? DEFAULTS : requested;
        HealthCheck.ProtocolEnum protocol = orDefault(check.getProtocol(), DEFAULTS.getProtocol());
        int interval = orDefault(check.getIntervalSeconds(), DEFAULTS.getIntervalSeconds());
        int timeout = orDefault(check.getTimeoutSeconds(), DEFAULTS.getTimeoutSeconds());
        return new HealthCheckSnapshot(TargetProtocol.valueOf(protocol.getValue()),
                orDefault(check.getPath(), DEFAULTS.getPath()),
                check.getPort(),
                interval,
                timeout,
                orDefault(check.getHealthyThreshold(), DEFAULTS.getHealthyThreshold()),
                orDefault(check.getUnhealthyThreshold(), DEFAULTS.getUnhealthyThreshold()),
                orDefault(check.getMatcher(), DEFAULTS.getMatcher()));
    }

    private static <T> T orDefault(@Nullable T value, T fallback) {
        return value == null ? fallback : value;
    }
}
