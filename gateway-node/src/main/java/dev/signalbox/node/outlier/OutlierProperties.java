package dev.signalbox.node.outlier;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Passive outlier detection on this node, under {@code signalbox.node.outlier.*}.
 *
 * @param enabled             whether failing targets are ejected at all
 * @param consecutiveFailures failures in a row that eject a target: 5xx responses, connect failures,
 *                            broken connections and timeouts; any other response resets the count
 * @param baseEjectionTime    the first ejection lasts this long, the n-th n times as long
 * @param maxEjectionTime     no ejection lasts longer
 * @param maxEjectionPercent  at most this share of a group's targets is ejected at once, though one
 *                            target always may be
 */
@ConfigurationProperties("signalbox.node.outlier")
public record OutlierProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5") int consecutiveFailures,
        @DefaultValue("30s") Duration baseEjectionTime,
        @DefaultValue("300s") Duration maxEjectionTime,
        @DefaultValue("50") int maxEjectionPercent) {
}
