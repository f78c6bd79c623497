package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.signalbox.panel.problem.ConflictException;
import dev.signalbox.protocol.ListenerProtocol;

/**
 * The fleet-wide registry of listener ports and extra host names. Every node binds every
 * listener port, so listeners of all tenants share one port space: HTTP(S) listeners of different
 * load balancers may share a port (nodes dispatch by Host / SNI) as long as their host names
 * differ; a TCP listener owns its port. A row lock per port orders concurrent claims. Conflict
 * messages never name the other load balancer: it may belong to another tenant.
 */
@Component
class PortRegistry {

    private final JdbcClient jdbc;

    PortRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the port for a listener and, for HTTP(S), the load balancer's extra host names on it. */
    void claimListener(UUID loadBalancerId, UUID listenerId, ListenerProtocol protocol, int port,
            List<String> hostNames) {
        lock(port);
        List<ListenerProtocol> others = jdbc.sql("select protocol from fleet_listeners where port = ?"
                        + " and load_balancer_id <> ?")
                .params(port, loadBalancerId)
                .query((row, n) -> ListenerProtocol.valueOf(row.getString(1))).list();
        if (!others.isEmpty()) {
            if (protocol == ListenerProtocol.TCP) {
                throw new ConflictException("Port " + port + " is in use by another load balancer; a TCP listener"
                        + " needs a port of its own");
            }
            if (others.contains(ListenerProtocol.TCP)) {
                throw new ConflictException("Port " + port + " is owned by a TCP listener of another load balancer");
            }
            ListenerProtocol other = others.get(0);
            if (other != protocol) {
                throw new ConflictException("Port " + port + " serves " + other + " for another load balancer; an "
                        + protocol + " listener cannot share it");
            }
        }
        if (protocol != ListenerProtocol.TCP) {
            requireFree(port, loadBalancerId, hostNames);
        }
        jdbc.sql("insert into fleet_listeners (listener_id, load_balancer_id, port, protocol) values (?, ?, ?, ?)")
                .params(listenerId, loadBalancerId, port, protocol.name()).update();
        if (protocol != ListenerProtocol.TCP) {
            insertHostNames(port, loadBalancerId, hostNames);
        }
    }

    /** Frees what {@link #claimListener} claimed. */
    void releaseListener(UUID listenerId) {
        jdbc.sql("delete from fleet_host_names h using fleet_listeners l where l.listener_id = ?"
                + " and h.port = l.port and h.load_balancer_id = l.load_balancer_id").params(listenerId).update();
        jdbc.sql("delete from fleet_listeners where listener_id = ?").params(listenerId).update();
    }

    /** Replaces the load balancer's extra host names on every HTTP(S) port it listens on. */
    void claimHostNames(UUID loadBalancerId, List<String> hostNames) {
        List<Integer> ports = jdbc.sql("select port from fleet_listeners where load_balancer_id = ?"
                        + " and protocol <> 'TCP' order by port")
                .params(loadBalancerId).query(Integer.class).list();
        for (int port : ports) {
            lock(port);
            requireFree(port, loadBalancerId, hostNames);
        }
        jdbc.sql("delete from fleet_host_names where load_balancer_id = ?").params(loadBalancerId).update();
        for (int port : ports) {
            insertHostNames(port, loadBalancerId, hostNames);
        }
    }

    private void lock(int port) {
        jdbc.sql("insert into fleet_ports (port) values (?) on conflict do nothing").params(port).update();
        jdbc.sql("select port from fleet_ports where port = ? for update").params(port).query(Integer.class).single();
    }

    private void requireFree(int port, UUID loadBalancerId, List<String> hostNames) {
        if (hostNames.isEmpty()) {
            return;
        }
        List<String> taken = jdbc.sql("select host_name from fleet_host_names where port = :port"
                        + " and load_balancer_id <> :lb and host_name in (:hosts) order by host_name")
                .param("port", port).param("lb", loadBalancerId).param("hosts", hostNames)
                .query(String.class).list();
        if (!taken.isEmpty()) {
            throw new ConflictException("Host name " + taken.get(0) + " is already served on port " + port
                    + " by another load balancer");
        }
    }

    private void insertHostNames(int port, UUID loadBalancerId, List<String> hostNames) {
        for (String host : hostNames) {
            jdbc.sql("insert into fleet_host_names (port, host_name, load_balancer_id) values (?, ?, ?)"
                    + " on conflict do nothing").params(port, host, loadBalancerId).update();
        }
    }
}
