package dev.signalbox.panel.loadbalancer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.RuleSnapshot;

@Entity
@Table(name = "rules")
class Rule {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "load_balancer_id")
    private UUID loadBalancerId;

    @Column(name = "listener_id")
    private UUID listenerId;

    private int priority;

    @Convert(converter = StoredJson.ConditionsColumn.class)
    private List<ConditionSnapshot> conditions;

    @Convert(converter = StoredJson.ActionColumn.class)
    private ActionSnapshot action;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Rule() {
    }

    Rule(UUID tenantId, UUID loadBalancerId, UUID listenerId, RuleSettings settings, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.loadBalancerId = loadBalancerId;
        this.listenerId = listenerId;
        this.createdAt = createdAt;
        change(settings);
    }

    UUID id() {
        return id;
    }

    UUID listenerId() {
        return listenerId;
    }

    void change(RuleSettings settings) {
        this.priority = settings.priority();
        this.conditions = settings.conditions();
        this.action = settings.action();
    }

    RuleSnapshot snapshot() {
        return new RuleSnapshot(id, priority, conditions, action);
    }
}
