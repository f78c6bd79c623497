package dev.signalbox.node.config;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code configSync} in {@code /actuator/health}, and part of the readiness group (application.yml):
 * OUT_OF_SERVICE until {@link ConfigSyncState#isReady()}. Liveness does not include it, so a node
 * cut off from Kafka is never restarted for that.
 */
@Component
class ConfigSyncHealthIndicator implements HealthIndicator {

    private final ConfigSyncState state;

    ConfigSyncHealthIndicator(ConfigSyncState state) {
        this.state = state;
    }

    @Override
    public Health health() {
        return Health.status(state.isReady() ? Status.UP : Status.OUT_OF_SERVICE)
                .withDetail("caughtUp", state.isCaughtUp())
                .withDetail("kafkaUnreachable", state.isKafkaUnreachable())
                .withDetail("loadedFromDisk", state.loadedFromDisk())
                .build();
    }
}
