package dev.signalbox.node.routing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hooks the routing index into Spring Cloud Gateway: one route for all load balancers instead of a
 * route per load balancer, so the gateway never scans routes per request.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    /** Never contacted: {@link TargetRequestUrlFilter} replaces it with a target's address. */
    static final String PLACEHOLDER_URI = "http://unpicked-target.invalid";
    static final String ROUTE_ID = "signalbox-load-balancers";

    @Bean
    RouteLocator loadBalancerRoutes(RouteLocatorBuilder routes, ActiveConfig activeConfig) {
        return routes.routes()
                .route(ROUTE_ID, route -> route
                        .predicate(new LoadBalancerRoutePredicate(activeConfig))
                        .uri(PLACEHOLDER_URI))
                .build();
    }

    @Bean
    TargetRequestUrlFilter targetRequestUrlFilter(StickySessions stickySessions, GroupPolicies policies,
            InFlightRequests inFlight, ObjectProvider<AttemptObserver> observers) {
        return new TargetRequestUrlFilter(stickySessions,
                new ForwardAttempts(policies, inFlight, observers.orderedStream().toList(), System::nanoTime));
    }
}
