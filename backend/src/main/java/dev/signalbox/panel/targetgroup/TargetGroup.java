package dev.signalbox.panel.targetgroup;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HashKeyType;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetProtocol;

@Entity
@Table(name = "target_groups")
class TargetGroup {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "load_balancer_id")
    private UUID loadBalancerId;

    private String name;

    @Enumerated(EnumType.STRING)
    private TargetProtocol protocol;

    @Enumerated(EnumType.STRING)
    private Algorithm algorithm;

    @Enumerated(EnumType.STRING)
    @Column(name = "hc_protocol")
    private TargetProtocol hcProtocol;

    @Column(name = "hc_path")
    private String hcPath;

    @Column(name = "hc_port")
    private @Nullable Integer hcPort;

    @Column(name = "hc_interval_seconds")
    private int hcIntervalSeconds;

    @Column(name = "hc_timeout_seconds")
    private int hcTimeoutSeconds;

    @Column(name = "hc_healthy_threshold")
    private int hcHealthyThreshold;

    @Column(name = "hc_unhealthy_threshold")
    private int hcUnhealthyThreshold;

    @Column(name = "hc_matcher")
    private String hcMatcher;

    @Column(name = "created_at")
    private Instant createdAt;

    private int port;

    @Enumerated(EnumType.STRING)
    @Column(name = "hash_key_type")
    private @Nullable HashKeyType hashKeyType;

    @Column(name = "hash_key_name")
    private @Nullable String hashKeyName;

    @Column(name = "deregistration_delay_seconds")
    private int deregistrationDelaySeconds;

    @Column(name = "slow_start_seconds")
    private int slowStartSeconds;

    @Column(name = "stickiness_enabled")
    private boolean stickinessEnabled;

    @Column(name = "stickiness_type")
    private String stickinessType;

    @Column(name = "stickiness_duration_seconds")
    private int stickinessDurationSeconds;

    private int retries;

    @Column(name = "connect_timeout_millis")
    private int connectTimeoutMillis;

    @Column(name = "response_timeout_seconds")
    private int responseTimeoutSeconds;

    protected TargetGroup() {
    }

    TargetGroup(UUID tenantId, UUID loadBalancerId, TargetGroupSettings settings, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.loadBalancerId = loadBalancerId;
        this.createdAt = createdAt;
        change(settings);
    }

    void change(TargetGroupSettings settings) {
        this.name = settings.name();
        this.protocol = settings.protocol();
        this.port = settings.port();
        this.algorithm = settings.algorithm();
        HashKeySnapshot hashKey = settings.hashKey();
        this.hashKeyType = hashKey == null ? null : hashKey.type();
        this.hashKeyName = hashKey == null ? null : hashKey.name();
        HealthCheckSnapshot healthCheck = settings.healthCheck();
        this.hcProtocol = healthCheck.protocol();
        this.hcPath = healthCheck.path();
        this.hcPort = healthCheck.port();
        this.hcIntervalSeconds = healthCheck.intervalSeconds();
        this.hcTimeoutSeconds = healthCheck.timeoutSeconds();
        this.hcHealthyThreshold = healthCheck.healthyThreshold();
        this.hcUnhealthyThreshold = healthCheck.unhealthyThreshold();
        this.hcMatcher = healthCheck.matcher();
        TargetGroupAttributesSnapshot attributes = settings.attributes();
        this.deregistrationDelaySeconds = attributes.deregistrationDelaySeconds();
        this.slowStartSeconds = attributes.slowStartSeconds();
        this.stickinessEnabled = attributes.stickiness().enabled();
        this.stickinessType = attributes.stickiness().type();
        this.stickinessDurationSeconds = attributes.stickiness().durationSeconds();
        this.retries = attributes.retries();
        this.connectTimeoutMillis = attributes.connectTimeoutMillis();
        this.responseTimeoutSeconds = attributes.responseTimeoutSeconds();
    }

    TargetProtocol protocol() {
        return protocol;
    }

    int port() {
        return port;
    }

    UUID id() {
        return id;
    }

    UUID loadBalancerId() {
        return loadBalancerId;
    }

    String name() {
        return name;
    }

    TargetGroupInfo info() {
        return new TargetGroupInfo(id, name, protocol, algorithm, new HealthCheckSnapshot(hcProtocol, hcPath, hcPort,
                hcIntervalSeconds, hcTimeoutSeconds, hcHealthyThreshold, hcUnhealthyThreshold, hcMatcher), port,
                hashKeyType == null ? null : new HashKeySnapshot(hashKeyType, hashKeyName),
                new TargetGroupAttributesSnapshot(deregistrationDelaySeconds, slowStartSeconds,
                        new StickinessSnapshot(stickinessEnabled, stickinessType, stickinessDurationSeconds), retries,
                        connectTimeoutMillis, responseTimeoutSeconds));
    }
}
