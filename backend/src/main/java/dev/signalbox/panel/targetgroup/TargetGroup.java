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
import dev.signalbox.protocol.HealthCheckSnapshot;
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

    protected TargetGroup() {
    }

    TargetGroup(UUID tenantId, UUID loadBalancerId, String name, TargetProtocol protocol, Algorithm algorithm,
            HealthCheckSnapshot healthCheck, Instant createdAt) {
        this(UUID.randomUUID(), tenantId, loadBalancerId, name, protocol, algorithm, healthCheck, createdAt);
    }

    /** A target group with a known id: one restored as it was at an earlier revision. */
    TargetGroup(UUID id, UUID tenantId, UUID loadBalancerId, String name, TargetProtocol protocol, Algorithm algorithm,
            HealthCheckSnapshot healthCheck, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.loadBalancerId = loadBalancerId;
        this.name = name;
        reconfigure(protocol, algorithm, healthCheck);
        this.createdAt = createdAt;
    }

    void reconfigure(TargetProtocol protocol, Algorithm algorithm, HealthCheckSnapshot healthCheck) {
        this.protocol = protocol;
        this.algorithm = algorithm;
        this.hcProtocol = healthCheck.protocol();
        this.hcPath = healthCheck.path();
        this.hcPort = healthCheck.port();
        this.hcIntervalSeconds = healthCheck.intervalSeconds();
        this.hcTimeoutSeconds = healthCheck.timeoutSeconds();
        this.hcHealthyThreshold = healthCheck.healthyThreshold();
        this.hcUnhealthyThreshold = healthCheck.unhealthyThreshold();
        this.hcMatcher = healthCheck.matcher();
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
                hcIntervalSeconds, hcTimeoutSeconds, hcHealthyThreshold, hcUnhealthyThreshold, hcMatcher));
    }
}
