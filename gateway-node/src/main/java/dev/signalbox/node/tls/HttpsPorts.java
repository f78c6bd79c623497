package dev.signalbox.node.tls;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.signalbox.node.routing.AppliedLoadBalancer;
import dev.signalbox.node.routing.RoutingIndex;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;

/**
 * The HTTPS listeners of one applied config, per port. Immutable; rebuilt whenever a config is applied.
 *
 * @param ports           per port with at least one HTTPS listener
 * @param unknownPolicies TLS policy names listeners used that this node does not know; they get {@link TlsPolicy#DEFAULT}
 * @param mixedPorts      ports with HTTP listeners beside HTTPS ones; the port serves TLS, so those are reached over TLS too
 */
record HttpsPorts(Map<Integer, HttpsPort> ports, Set<String> unknownPolicies, Set<Integer> mixedPorts) {

    static final HttpsPorts EMPTY = new HttpsPorts(Map.of(), Set.of(), Set.of());

    HttpsPorts {
        ports = Map.copyOf(ports);
        unknownPolicies = Set.copyOf(unknownPolicies);
        mixedPorts = Set.copyOf(mixedPorts);
    }

    static HttpsPorts of(Collection<AppliedLoadBalancer> loadBalancers) {
        List<LoadBalancerSnapshot> byId = loadBalancers.stream()
                .map(AppliedLoadBalancer::snapshot)
                .sorted(Comparator.comparing(LoadBalancerSnapshot::id))
                .toList();
        Map<Integer, List<HttpsPort.Listener>> listeners = new LinkedHashMap<>();
        Map<Integer, Map<String, HttpsPort.Listener>> hosts = new HashMap<>();
        Set<Integer> plainPorts = new TreeSet<>();
        Set<String> unknownPolicies = new TreeSet<>();
        for (LoadBalancerSnapshot snapshot : byId) {
            for (ListenerSnapshot listener : snapshot.listeners()) {
                if (listener.protocol() == ListenerProtocol.HTTP) {
                    plainPorts.add(listener.port());
                }
                if (listener.protocol() != ListenerProtocol.HTTPS) {
                    continue;
                }
                String policyName = listener.tlsPolicy();
                TlsPolicy policy = policyName == null ? TlsPolicy.DEFAULT : TlsPolicy.named(policyName);
                if (policy == null) {
                    unknownPolicies.add(policyName);
                    policy = TlsPolicy.DEFAULT;
                }
                var secure = new HttpsPort.Listener(snapshot.id(), snapshot.tenantId(), listener.certificateIds(), policy);
                listeners.computeIfAbsent(listener.port(), port -> new ArrayList<>()).add(secure);
                var byHost = hosts.computeIfAbsent(listener.port(), port -> new HashMap<>());
                // as in the routing index, the lower load balancer id keeps a host two of them claim
                snapshot.hostNames().forEach(host -> byHost.putIfAbsent(RoutingIndex.normalizeHost(host), secure));
            }
        }
        Map<Integer, HttpsPort> ports = new HashMap<>();
        listeners.forEach((port, onPort) -> ports.put(port, new HttpsPort(onPort, hosts.get(port))));
        plainPorts.retainAll(ports.keySet());
        return new HttpsPorts(ports, unknownPolicies, plainPorts);
    }

    @Nullable HttpsPort port(int port) {
        return ports.get(port);
    }
}
