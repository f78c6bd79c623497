package dev.signalbox.panel.configuration;

import java.util.List;

import dev.signalbox.panel.loadbalancer.ResourceLimits;
import dev.signalbox.panel.problem.FieldViolation;

/** The resource limits a document must stay within, each reported at the list that exceeds it, naming the limit. */
final class DocumentLimits {

    private final ResourceLimits limits;

    DocumentLimits(ResourceLimits limits) {
        this.limits = limits;
    }

    void check(LoadBalancerConfiguration document, List<FieldViolation> violations) {
        check(document.listeners().size(), limits.listenersPerLoadBalancer(), "/listeners",
                "listeners-per-load-balancer", "listeners per load balancer", violations);
        check(document.targetGroups().size(), limits.targetGroupsPerLoadBalancer(), "/targetGroups",
                "target-groups-per-load-balancer", "target groups per load balancer", violations);
        for (int i = 0; i < document.listeners().size(); i++) {
            check(document.listeners().get(i).rules().size(), limits.rulesPerListener(), "/listeners/" + i + "/rules",
                    "rules-per-listener", "rules per listener", violations);
        }
        for (int i = 0; i < document.targetGroups().size(); i++) {
            check(document.targetGroups().get(i).targets().size(), limits.targetsPerTargetGroup(),
                    "/targetGroups/" + i + "/targets", "targets-per-target-group", "targets per target group",
                    violations);
        }
    }

    private static void check(int count, int limit, String pointer, String property, String what,
            List<FieldViolation> violations) {
        if (count > limit) {
            violations.add(new FieldViolation(pointer, "at most " + limit + " " + what + " are allowed (limit "
                    + "signalbox.limits." + property + " = " + limit + "); the document has " + count));
        }
    }
}
