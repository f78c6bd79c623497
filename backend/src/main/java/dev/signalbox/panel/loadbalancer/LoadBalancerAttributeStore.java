package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and replaces the extra host names and tags of load balancers. */
@Component
class LoadBalancerAttributeStore {

    private final JdbcClient jdbc;

    LoadBalancerAttributeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    LoadBalancerAttributes read(UUID tenantId, UUID loadBalancerId) {
        List<String> hostNames = jdbc.sql("select host_name from load_balancer_host_names where tenant_id = ?"
                        + " and load_balancer_id = ? order by position")
                .params(tenantId, loadBalancerId).query(String.class).list();
        List<LoadBalancerAttributes.Tag> tags = jdbc.sql("select tag_key, tag_value from load_balancer_tags"
                        + " where tenant_id = ? and load_balancer_id = ? order by tag_key")
                .params(tenantId, loadBalancerId)
                .query((row, n) -> new LoadBalancerAttributes.Tag(row.getString(1), row.getString(2))).list();
        return new LoadBalancerAttributes(hostNames, tags);
    }

    /** The ids of the tenant's load balancers that carry the tag with that value. */
    List<UUID> taggedWith(UUID tenantId, LoadBalancerAttributes.Tag tag) {
        return jdbc.sql("select load_balancer_id from load_balancer_tags where tenant_id = ? and tag_key = ?"
                        + " and tag_value = ?")
                .params(tenantId, tag.key(), tag.value()).query(UUID.class).list();
    }

    void replace(UUID tenantId, UUID loadBalancerId, LoadBalancerAttributes attributes) {
        jdbc.sql("delete from load_balancer_host_names where load_balancer_id = ?").params(loadBalancerId).update();
        jdbc.sql("delete from load_balancer_tags where load_balancer_id = ?").params(loadBalancerId).update();
        for (int i = 0; i < attributes.hostNames().size(); i++) {
            jdbc.sql("insert into load_balancer_host_names (load_balancer_id, tenant_id, host_name, position)"
                    + " values (?, ?, ?, ?)").params(loadBalancerId, tenantId, attributes.hostNames().get(i), i).update();
        }
        for (LoadBalancerAttributes.Tag tag : attributes.tags()) {
            jdbc.sql("insert into load_balancer_tags (load_balancer_id, tenant_id, tag_key, tag_value)"
                    + " values (?, ?, ?, ?)").params(loadBalancerId, tenantId, tag.key(), tag.value()).update();
        }
    }
}
