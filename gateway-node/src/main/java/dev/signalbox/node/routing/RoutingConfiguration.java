package dev.signalbox.node.routing;

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

    @Bean
    RouteLocator loadBalancerRoutes(RouteLocatorBuilder routes, ActiveConfig activeConfig) {
        return routes.routes()
                .route("signalbox-load-balancers", route -> route
                        .predicate(new LoadBalancerRoutePredicate(activeConfig))
                        .uri(PLACEHOLDER_URI))
                .build();
    }

    @Bean
    TargetRequestUrlFilter targetRequestUrlFilter(StickySessions stickySessions, InFlightRequests inFlight) {
        return new TargetRequestUrlFilter(stickySessions, inFlight);
    }
}
