package dev.signalbox.panel.targetgroup;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.api.model.HashKey;
import dev.signalbox.panel.api.model.HealthCheck;
import dev.signalbox.panel.api.model.Stickiness;
import dev.signalbox.panel.api.model.TargetGroup;
import dev.signalbox.panel.api.model.TargetGroupAttributes;
import dev.signalbox.panel.api.model.TargetGroupRequest;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HashKeyType;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetProtocol;

/** Maps target groups between the API and the service; absent settings take their documented defaults. */
public final class TargetGroupDtos {

    private static final TargetGroupAttributesSnapshot DEFAULTS = TargetGroupAttributesSnapshot.DEFAULTS;

    private TargetGroupDtos() {
    }

    public static TargetGroupSettings settings(TargetGroupRequest request) {
        TargetProtocol protocol = request.getProtocol() == null ? TargetProtocol.HTTP
                : TargetProtocol.valueOf(request.getProtocol().getValue());
        Algorithm algorithm = request.getAlgorithm() == null ? Algorithm.ROUND_ROBIN
                : Algorithm.valueOf(request.getAlgorithm().getValue());
        HashKeySnapshot hashKey = request.getHashKey() == null
                ? (algorithm == Algorithm.CONSISTENT_HASH ? HashKeySnapshot.sourceIp() : null)
                : new HashKeySnapshot(HashKeyType.valueOf(request.getHashKey().getType().getValue()),
                        request.getHashKey().getName());
        return new TargetGroupSettings(request.getName(), protocol, orDefault(request.getPort(), 80), algorithm, hashKey,
                HealthCheckRequests.withDefaults(request.getHealthCheck()), attributes(request.getAttributes()));
    }

    private static TargetGroupAttributesSnapshot attributes(@Nullable TargetGroupAttributes requested) {
        if (requested == null) {
            return DEFAULTS;
        }
        Stickiness stickiness = requested.getStickiness();
        StickinessSnapshot sticky = stickiness == null ? DEFAULTS.stickiness() : new StickinessSnapshot(
                orDefault(stickiness.getEnabled(), false),
                stickiness.getType() == null ? "lb_cookie" : stickiness.getType().getValue(),
                orDefault(stickiness.getDurationSeconds(), DEFAULTS.stickiness().durationSeconds()));
        return new TargetGroupAttributesSnapshot(
                orDefault(requested.getDeregistrationDelaySeconds(), DEFAULTS.deregistrationDelaySeconds()),
                orDefault(requested.getSlowStartSeconds(), DEFAULTS.slowStartSeconds()),
                sticky,
                orDefault(requested.getRetries(), DEFAULTS.retries()),
                orDefault(requested.getConnectTimeoutMillis(), DEFAULTS.connectTimeoutMillis()),
                orDefault(requested.getResponseTimeoutSeconds(), DEFAULTS.responseTimeoutSeconds()));
    }

    public static TargetGroup toDto(TargetGroupInfo info) {
        HealthCheckSnapshot check = info.healthCheck();
        HealthCheck healthCheck = new HealthCheck()
                .protocol(HealthCheck.ProtocolEnum.fromValue(check.protocol().name()))
                .path(check.path())
                .port(check.port())
                .intervalSeconds(check.intervalSeconds())
                .timeoutSeconds(check.timeoutSeconds())
                .healthyThreshold(check.healthyThreshold())
                .unhealthyThreshold(check.unhealthyThreshold())
                .matcher(check.matcher());
        TargetGroupAttributesSnapshot attributes = info.attributes();
        TargetGroupAttributes attributesDto = new TargetGroupAttributes()
                .deregistrationDelaySeconds(attributes.deregistrationDelaySeconds())
                .slowStartSeconds(attributes.slowStartSeconds())
                .stickiness(new Stickiness().enabled(attributes.stickiness().enabled())
                        .type(Stickiness.TypeEnum.fromValue(attributes.stickiness().type()))
                        .durationSeconds(attributes.stickiness().durationSeconds()))
                .retries(attributes.retries())
                .connectTimeoutMillis(attributes.connectTimeoutMillis())
                .responseTimeoutSeconds(attributes.responseTimeoutSeconds());
        HashKeySnapshot hashKey = info.hashKey();
        return new TargetGroup(info.id(), info.name(), TargetGroup.ProtocolEnum.fromValue(info.protocol().name()),
                dev.signalbox.panel.api.model.Algorithm.fromValue(info.algorithm().name()), healthCheck)
                .port(info.port())
                .hashKey(hashKey == null ? null
                        : new HashKey(HashKey.TypeEnum.fromValue(hashKey.type().name())).name(hashKey.name()))
                .attributes(attributesDto);
    }

    private static <T> T orDefault(@Nullable T value, T fallback) {
        return value == null ? fallback : value;
    }
}
