package dev.signalbox.node.forwarding;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.signalbox.node.retry.RetryBudget;
import dev.signalbox.node.retry.RetryProperties;
import dev.signalbox.node.routing.AppliedLoadBalancer;
import dev.signalbox.node.routing.ConfigApplied;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;

/**
 * What forwarding needs per target group beyond picking a target: the group's connect and response
 * timeouts, with the protocol's defaults filled in, and its retry budget. Built once per group and
 * reused by every request; a new revision with other timeouts gets a new policy but keeps the
 * group's budget.
 */
@Component
class GroupPolicies {

    /**
     * @param attributes            the attributes the policy was built from
     * @param connectTimeoutMillis  how long a connection to a target may take to be established
     * @param responseTimeoutMillis how long a target may take from the request to its response head
     * @param retryBudget           bounds the group's retries
     */
    record GroupPolicy(TargetGroupAttributesSnapshot attributes, int connectTimeoutMillis, long responseTimeoutMillis,
            RetryBudget retryBudget) {
    }

    private final ConcurrentHashMap<UUID, GroupPolicy> policies = new ConcurrentHashMap<>();
    private final RetryProperties retryProperties;
    private final LongSupplier nanoClock;

    @Autowired
    GroupPolicies(RetryProperties retryProperties) {
        this(retryProperties, System::nanoTime);
    }

    GroupPolicies(RetryProperties retryProperties, LongSupplier nanoClock) {
        this.retryProperties = retryProperties;
        this.nanoClock = nanoClock;
    }

    GroupPolicy of(TargetGroupSnapshot group) {
        GroupPolicy policy = policies.get(group.id());
        if (policy != null && sameTimeouts(policy.attributes(), group.attributes())) {
            return policy;
        }
        return policies.compute(group.id(), (id, previous) -> previous != null
                && sameTimeouts(previous.attributes(), group.attributes())
                        ? previous
                        : policyOf(group.attributes(),
                                previous == null ? retryProperties.newBudget(nanoClock) : previous.retryBudget()));
    }

    /** Forgets the groups the node no longer serves. */
    @EventListener
    public void onConfigApplied(ConfigApplied applied) {
        Set<UUID> served = new HashSet<>();
        for (AppliedLoadBalancer loadBalancer : applied.config().loadBalancers()) {
            for (TargetGroupSnapshot group : loadBalancer.snapshot().targetGroups()) {
                served.add(group.id());
            }
        }
        policies.keySet().retainAll(served);
    }

    private static boolean sameTimeouts(TargetGroupAttributesSnapshot built, TargetGroupAttributesSnapshot wanted) {
        return built == wanted || (built.connectTimeoutMillis() == wanted.connectTimeoutMillis()
                && built.responseTimeoutSeconds() == wanted.responseTimeoutSeconds());
    }

    private static GroupPolicy policyOf(TargetGroupAttributesSnapshot attributes, RetryBudget budget) {
        TargetGroupAttributesSnapshot defaults = TargetGroupAttributesSnapshot.DEFAULTS;
        int connectTimeoutMillis = attributes.connectTimeoutMillis() > 0
                ? attributes.connectTimeoutMillis()
                : defaults.connectTimeoutMillis();
        long responseTimeoutMillis = 1000L * (attributes.responseTimeoutSeconds() > 0
                ? attributes.responseTimeoutSeconds()
                : defaults.responseTimeoutSeconds());
        return new GroupPolicy(attributes, connectTimeoutMillis, responseTimeoutMillis, budget);
    }
}
