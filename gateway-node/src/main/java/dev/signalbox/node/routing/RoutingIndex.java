package dev.signalbox.node.routing;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Immutable (listener port, host) → load balancer lookup. Two hash lookups per request, whatever the
 * number of load balancers; a new index replaces the old one as a whole when config is applied.
 */
public final class RoutingIndex {

    public static final RoutingIndex EMPTY = new RoutingIndex(Map.of());

    private static final Logger log = LoggerFactory.getLogger(RoutingIndex.class);

    private final Map<Integer, Map<String, ListenerRules>> rulesByPortAndHost;

    private RoutingIndex(Map<Integer, Map<String, ListenerRules>> rulesByPortAndHost) {
        this.rulesByPortAndHost = rulesByPortAndHost;
    }

    static RoutingIndex of(Collection<AppliedLoadBalancer> loadBalancers) {
        // the panel keeps (port, host) unique; if two snapshots still collide, the lower id wins on every node
        List<AppliedLoadBalancer> byId = loadBalancers.stream()
                .sorted(Comparator.comparing(AppliedLoadBalancer::id))
                .toList();
        Map<Integer, Map<String, ListenerRules>> index = new HashMap<>();
        for (AppliedLoadBalancer loadBalancer : byId) {
            for (HostRoute route : loadBalancer.routes()) {
                var hosts = index.computeIfAbsent(route.port(), port -> new HashMap<>());
                var taken = hosts.putIfAbsent(route.host(), route.rules());
                if (taken != null && !taken.loadBalancerId().equals(route.rules().loadBalancerId())) {
                    log.warn("Host {} on port {} is claimed by load balancers {} and {}; {} serves it",
                            route.host(), route.port(), taken.loadBalancerId(), loadBalancer.id(),
                            taken.loadBalancerId());
                }
            }
        }
        Map<Integer, Map<String, ListenerRules>> frozen = new HashMap<>();
        index.forEach((port, hosts) -> frozen.put(port, Map.copyOf(hosts)));
        return new RoutingIndex(Map.copyOf(frozen));
    }

    /**
     * Where {@code request}, which arrived on {@code port} for {@code host}, goes: the load balancer
     * answering there evaluates its listener's rules, then the default action.
     *
     * @param host the Host header without port, in any case; null when the request has none
     * @return null when {@code port} is not a listener port of any load balancer
     */
    public @Nullable RoutingDecision resolve(int port, @Nullable String host, ListenerRequest request) {
        Map<String, ListenerRules> hosts = rulesByPortAndHost.get(port);
        if (hosts == null) {
            return null;
        }
        if (host == null) {
            return RoutingDecision.NoLoadBalancer.INSTANCE;
        }
        String normalized = normalizeHost(host);
        ListenerRules rules = hosts.get(normalized);
        return rules != null ? rules.decide(request, normalized) : RoutingDecision.NoLoadBalancer.INSTANCE;
    }

    /** The ports HTTP and HTTPS listeners of applied load balancers listen on. */
    public Set<Integer> httpPorts() {
        return rulesByPortAndHost.keySet();
    }

    /** Host names compare case-insensitively, and a trailing dot (fully qualified form) is the same name. */
    public static String normalizeHost(String host) {
        String lowerCase = host.toLowerCase(Locale.ROOT);
        return lowerCase.endsWith(".") ? lowerCase.substring(0, lowerCase.length() - 1) : lowerCase;
    }
}
