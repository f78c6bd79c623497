package dev.signalbox.node.routing;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;


/**
 * A listener's rules, compiled and ordered by ascending priority, then its default action. The
 * first rule whose conditions all match decides; a request that matches none takes the default.
 */
final class ListenerRules {

    /** A compiled rule. */
    record Rule(int priority, RuleCondition[] conditions, RuleAction action) {

        boolean matches(ListenerRequest request, String host) {
            for (RuleCondition condition : conditions) {
                if (!condition.matches(request, host)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final UUID loadBalancerId;
    private final Rule[] rules;
    private final RuleAction defaultAction;

    ListenerRules(UUID loadBalancerId, List<Rule> rules, RuleAction defaultAction) {
        this.loadBalancerId = loadBalancerId;
        this.rules = rules.stream().sorted(Comparator.comparingInt(Rule::priority)).toArray(Rule[]::new);
        this.defaultAction = defaultAction;
    }

    UUID loadBalancerId() {
        return loadBalancerId;
    }

    /**
     * @param host the request's Host header, normalized by {@link RoutingIndex#normalizeHost(String)}
     */
    RoutingDecision decide(ListenerRequest request, String host) {
        for (Rule rule : rules) {
            if (rule.matches(request, host)) {
                return rule.action().decide();
            }
        }
        return defaultAction.decide();
    }
}
