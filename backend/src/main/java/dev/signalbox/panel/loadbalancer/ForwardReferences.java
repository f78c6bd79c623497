package dev.signalbox.panel.loadbalancer;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ActionType;
import dev.signalbox.protocol.WeightedTargetGroup;

/**
 * Records which listener default actions and rules forward to which target groups, so a target
 * group in use cannot be deleted (the foreign key refuses it even if a check were missed).
 */
@Component
class ForwardReferences {

    private final JdbcClient jdbc;

    ForwardReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replaceForListener(UUID tenantId, UUID loadBalancerId, UUID listenerId, ActionSnapshot action) {
        jdbc.sql("delete from forward_references where listener_id = ?").params(listenerId).update();
        insert(tenantId, loadBalancerId, "listener_id", listenerId, action);
    }

    void replaceForRule(UUID tenantId, UUID loadBalancerId, UUID ruleId, ActionSnapshot action) {
        jdbc.sql("delete from forward_references where rule_id = ?").params(ruleId).update();
        insert(tenantId, loadBalancerId, "rule_id", ruleId, action);
    }

    boolean anyTo(UUID tenantId, UUID targetGroupId) {
        return jdbc.sql("select exists (select 1 from forward_references where tenant_id = ? and target_group_id = ?)")
                .params(tenantId, targetGroupId).query(Boolean.class).single();
    }

    private void insert(UUID tenantId, UUID loadBalancerId, String ownerColumn, UUID owner, ActionSnapshot action) {
        if (action.type() != ActionType.FORWARD) {
            return;
        }
        for (WeightedTargetGroup group : action.targetGroups()) {
            jdbc.sql("insert into forward_references (tenant_id, load_balancer_id, " + ownerColumn
                            + ", target_group_id) values (?, ?, ?, ?)")
                    .params(tenantId, loadBalancerId, owner, group.targetGroupId()).update();
        }
    }
}
