package dev.signalbox.node.listener;

import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows bound and unbindable listener ports under {@code /actuator/health}. A port that cannot be
 * bound does not make the node DOWN: every other load balancer on it still works.
 */
@Component
class ListenerHealthIndicator implements HealthIndicator {

    private final ListenerPortBinder binder;

    ListenerHealthIndicator(ListenerPortBinder binder) {
        this.binder = binder;
    }

    @Override
    public Health health() {
        Map<Integer, String> failed = binder.failedPorts();
        return Health.up()
                .withDetail("boundPorts", binder.boundPorts())
                .withDetail("failedPorts", failed)
                .build();
    }
}
