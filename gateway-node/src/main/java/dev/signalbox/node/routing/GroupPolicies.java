package dev.signalbox.node.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.signalbox.node.retry.RetryBudget;
import dev.signalbox.node.retry.RetryProperties;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;

/**
 * What forwarding needs per target group beyond picking a target: a gateway route carrying the
 * group's connect and response timeouts, which the gateway's routing filter reads from the route on
 * the exchange, and the group's retry budget. Built once per group and reused by every request; a
 * new revision with other timeouts gets a new route but keeps the group's budget.
 */
@Component
class GroupPolicies {

    /**
     * @param attributes  the attributes the route was built from
     * @param route       the gateway route with the group's timeouts, put on every exchange forwarded to the group
     * @param retryBudget bounds the group's retries
     */
    record GroupPolicy(TargetGroupAttributesSnapshot attributes, Route route, RetryBudget retryBudget) {
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
                        : new GroupPolicy(group.attributes(), routeOf(group.attributes()),
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

    /** A route like the one the gateway matched, with the group's timeouts as the routing filter reads them. */
    static Route routeOf(TargetGroupAttributesSnapshot attributes) {
        TargetGroupAttributesSnapshot defaults = TargetGroupAttributesSnapshot.DEFAULTS;
        int connectTimeoutMillis = attributes.connectTimeoutMillis() > 0
                ? attributes.connectTimeoutMillis()
                : defaults.connectTimeoutMillis();
        long responseTimeoutMillis = 1000L * (attributes.responseTimeoutSeconds() > 0
                ? attributes.responseTimeoutSeconds()
                : defaults.responseTimeoutSeconds());
        return Route.async()
                .id(RoutingConfiguration.ROUTE_ID)
                .uri(RoutingConfiguration.PLACEHOLDER_URI)
                // never evaluated: the exchange was matched by the load balancer route already
                .predicate(exchange -> true)
                .metadata(CONNECT_TIMEOUT_ATTR, connectTimeoutMillis)
                .metadata(RESPONSE_TIMEOUT_ATTR, responseTimeoutMillis)
                .build();
    }
}
