package dev.signalbox.panel.loadbalancer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.signalbox.panel.problem.FieldViolation;

/** Validates the extra host names and tags of a load balancer. */
public final class LoadBalancerAttributeRules {

    static final String RESERVED_TAG_PREFIX = "signalbox:";

    private LoadBalancerAttributeRules() {
    }

    /**
     * @param hostNames  extra host names, lower case
     * @param tags       tags in the order given
     * @param baseDomain the domain of generated DNS names, which extra names may not use
     */
    public static List<FieldViolation> validate(List<String> hostNames, List<LoadBalancerAttributes.Tag> tags,
            String baseDomain, ResourceLimits limits) {
        List<FieldViolation> violations = new ArrayList<>();
        if (hostNames.size() > limits.hostNamesPerLoadBalancer()) {
            violations.add(new FieldViolation("/hostNames", "a load balancer has at most "
                    + limits.hostNamesPerLoadBalancer() + " extra host names (limit "
                    + "signalbox.limits.host-names-per-load-balancer = " + limits.hostNamesPerLoadBalancer() + ")"));
        }
        Set<String> seenHosts = new HashSet<>();
        String reservedSuffix = "." + baseDomain.toLowerCase(Locale.ROOT);
        for (int i = 0; i < hostNames.size(); i++) {
            String host = hostNames.get(i);
            String at = "/hostNames/" + i;
            if (!NetworkAddresses.isHostName(host)) {
                violations.add(new FieldViolation(at, "'" + host + "' is not a fully qualified host name"));
            } else if (host.endsWith(reservedSuffix) || host.equals(baseDomain)) {
                violations.add(new FieldViolation(at, "names under " + baseDomain
                        + " are reserved for generated DNS names"));
            } else if (!seenHosts.add(host)) {
                violations.add(new FieldViolation(at, "'" + host + "' is listed twice"));
            }
        }
        if (tags.size() > limits.tagsPerLoadBalancer()) {
            violations.add(new FieldViolation("/tags", "a load balancer has at most " + limits.tagsPerLoadBalancer()
                    + " tags (limit signalbox.limits.tags-per-load-balancer = " + limits.tagsPerLoadBalancer() + ")"));
        }
        Set<String> seenKeys = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String key = tags.get(i).key();
            if (key.toLowerCase(Locale.ROOT).startsWith(RESERVED_TAG_PREFIX)) {
                violations.add(new FieldViolation("/tags/" + i + "/key", "the prefix 'signalbox:' is reserved"));
            } else if (!seenKeys.add(key)) {
                violations.add(new FieldViolation("/tags/" + i + "/key", "the key '" + key + "' is used twice"));
            }
        }
        return violations;
    }
}
