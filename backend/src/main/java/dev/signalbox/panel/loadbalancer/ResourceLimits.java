package dev.signalbox.panel.loadbalancer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.signalbox.panel.problem.LimitExceededException;

/**
 * Limits on the resource model under {@code signalbox.limits.*}, with ALB's defaults. Exceeding
 * one is a 409 problem naming the limit.
 */
@ConfigurationProperties("signalbox.limits")
public record ResourceLimits(
        @DefaultValue("50") int loadBalancersPerTenant,
        @DefaultValue("50") int listenersPerLoadBalancer,
        @DefaultValue("100") int rulesPerListener,
        @DefaultValue("100") int targetGroupsPerLoadBalancer,
        @DefaultValue("1000") int targetsPerTargetGroup,
        @DefaultValue("5") int conditionValuesPerRule,
        @DefaultValue("5") int targetGroupsPerAction,
        @DefaultValue("10") int hostNamesPerLoadBalancer,
        @DefaultValue("50") int tagsPerLoadBalancer,
        @DefaultValue("25") int certificatesPerListener,
        @DefaultValue("100") int certificatesPerTenant) {

    private static final String PREFIX = "signalbox.limits.";

    /** The defaults, for tests and for code that validates without a Spring context. */
    public static ResourceLimits defaults() {
        return new ResourceLimits(50, 50, 100, 100, 1000, 5, 5, 10, 50, 25, 100);
    }

    /** Throws when {@code count} items would exceed the limit {@code value}. */
    public static void check(long count, int value, String property, String what) {
        if (count > value) {
            throw new LimitExceededException(PREFIX + property, value, what);
        }
    }
}
