package dev.signalbox.panel.configuration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.signalbox.panel.configuration.LoadBalancerConfiguration.ListenerEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.NamedAction;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.RuleEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetGroupEntry;
import dev.signalbox.panel.loadbalancer.ActionRules;
import dev.signalbox.panel.loadbalancer.ConditionRules;
import dev.signalbox.panel.loadbalancer.ListenerRules;
import dev.signalbox.panel.loadbalancer.ListenerSettings;
import dev.signalbox.panel.loadbalancer.Listeners;
import dev.signalbox.panel.loadbalancer.LoadBalancers;
import dev.signalbox.panel.loadbalancer.ResourceLimits;
import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.panel.targetgroup.TargetGroupRules;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.TargetProtocol;
import dev.signalbox.protocol.WeightedTargetGroup;

/**
 * Every problem of a document at once, each with its JSON pointer: the features' own validators
 * applied to each part (HTTPS listeners' certificates must be the tenant's), plus what only the whole
 * document shows (duplicate keys, forwards to target groups it does not define, limits, target groups
 * that would change protocol).
 */
@Component
class DocumentValidation {

    private final LoadBalancers loadBalancers;
    private final Listeners listeners;
    private final ResourceLimits limits;
    private final DocumentLimits documentLimits;

    DocumentValidation(LoadBalancers loadBalancers, Listeners listeners, ResourceLimits limits) {
        this.loadBalancers = loadBalancers;
        this.listeners = listeners;
        this.limits = limits;
        this.documentLimits = new DocumentLimits(limits);
    }

    List<FieldViolation> validate(UUID tenantId, DocumentReader.ReadDocument document,
            LoadBalancerConfiguration current) {
        LoadBalancerConfiguration desired = document.configuration();
        List<FieldViolation> violations = new ArrayList<>(loadBalancers.validate(desired.attributes()));
        Map<String, TargetProtocol> groups = targetGroups(desired, current, violations);
        documentLimits.check(desired, violations);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < desired.listeners().size(); i++) {
            ListenerEntry listener = desired.listeners().get(i);
            String at = "/listeners/" + i;
            if (!ports.add(listener.port())) {
                violations.add(new FieldViolation(at + "/port", "another listener of the document has port "
                        + listener.port()));
            }
            ListenerSettings settings = new ListenerSettings(listener.protocol(), listener.port(),
                    withIds(listener.defaultAction()), listener.tlsPolicy(), listener.certificateIds());
            violations.addAll(named(ListenerRules.validate(settings, at, limits)));
            if (listener.protocol() == ListenerProtocol.HTTPS) {
                violations.addAll(listeners.certificateViolations(tenantId, listener.certificateIds(), at + "/certificateIds"));
            }
            violations.addAll(references(listener.defaultAction(), at + "/defaultAction", listener.protocol(), groups,
                    document.shorthandForwards()));
            if (listener.protocol() == ListenerProtocol.TCP && !listener.rules().isEmpty()) {
                violations.add(new FieldViolation(at + "/rules", "a TCP listener has no rules: it forwards every "
                        + "connection to its default action"));
            } else {
                rules(listener, at, groups, document.shorthandForwards(), violations);
            }
        }
        return violations;
    }

    private Map<String, TargetProtocol> targetGroups(LoadBalancerConfiguration desired,
            LoadBalancerConfiguration current, List<FieldViolation> violations) {
        Map<String, TargetProtocol> stored = new HashMap<>();
        current.targetGroups().forEach(group -> stored.put(group.name(), group.settings().protocol()));
        Map<String, TargetProtocol> groups = new HashMap<>();
        for (int i = 0; i < desired.targetGroups().size(); i++) {
            TargetGroupEntry group = desired.targetGroups().get(i);
            String at = "/targetGroups/" + i;
            if (groups.putIfAbsent(group.name(), group.settings().protocol()) != null) {
                violations.add(new FieldViolation(at + "/name", "another target group of the document is named '"
                        + group.name() + "'"));
            }
            violations.addAll(TargetGroupRules.validate(group.settings(), at));
            TargetProtocol was = stored.get(group.name());
            if (was != null && was != group.settings().protocol()) {
                violations.add(new FieldViolation(at + "/protocol", "the protocol of target group '" + group.name()
                        + "' cannot change in place (it is " + was + " now); give the group of the other protocol another "
                        + "name, or remove the current one first"));
            }
            Set<String> addresses = new HashSet<>();
            for (int j = 0; j < group.targets().size(); j++) {
                if (!addresses.add(group.targets().get(j).address())) {
                    violations.add(new FieldViolation(at + "/targets/" + j, group.targets().get(j).address()
                            + " is listed twice in this group"));
                }
            }
        }
        return groups;
    }

    private void rules(ListenerEntry listener, String at, Map<String, TargetProtocol> groups, Set<String> shorthands,
            List<FieldViolation> violations) {
        Set<Integer> priorities = new HashSet<>();
        for (int j = 0; j < listener.rules().size(); j++) {
            RuleEntry rule = listener.rules().get(j);
            String ruleAt = at + "/rules/" + j;
            if (rule.priority() < 1 || rule.priority() > 50_000) {
                violations.add(new FieldViolation(ruleAt + "/priority", "must be 1 to 50000"));
            } else if (!priorities.add(rule.priority())) {
                violations.add(new FieldViolation(ruleAt + "/priority", "another rule of this listener has priority "
                        + rule.priority()));
            }
            violations.addAll(ConditionRules.validate(rule.conditions(), ruleAt + "/conditions", limits));
            violations.addAll(named(ActionRules.validate(withIds(rule.action()), ruleAt + "/action",
                    listener.protocol(), limits)));
            violations.addAll(references(rule.action(), ruleAt + "/action", listener.protocol(), groups, shorthands));
        }
    }

    /** Forwards must name target groups of the document that speak the listener's kind of protocol. */
    private static List<FieldViolation> references(NamedAction action, String at, ListenerProtocol protocol,
            Map<String, TargetProtocol> groups, Set<String> shorthands) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int k = 0; k < action.targetGroups().size(); k++) {
            String name = action.targetGroups().get(k).name();
            String pointer = shorthands.contains(at) ? at + "/targetGroup" : at + "/targetGroups/" + k + "/name";
            TargetProtocol target = groups.get(name);
            if (target == null) {
                violations.add(new FieldViolation(pointer, "the document defines no target group named '" + name + "'"));
            } else if ((protocol == ListenerProtocol.TCP) != (target == TargetProtocol.TCP)) {
                violations.add(new FieldViolation(pointer, "a " + protocol + " listener cannot forward to the "
                        + target + " target group '" + name + "'"));
            }
        }
        return violations;
    }

    /** The action with a stand-in id per target group name, so the features' validators can check it. */
    static ActionSnapshot withIds(NamedAction action) {
        List<WeightedTargetGroup> groups = action.targetGroups().stream()
                .map(group -> new WeightedTargetGroup(standInId(group.name()), group.weight())).toList();
        return new ActionSnapshot(action.type(), groups, action.stickinessSeconds(), action.redirect(),
                action.fixedResponse());
    }

    private static UUID standInId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The features' validators point at target group ids; a document names its groups instead. */
    private static List<FieldViolation> named(List<FieldViolation> violations) {
        return violations.stream().map(v -> v.pointer().endsWith("/targetGroupId")
                ? new FieldViolation(v.pointer().replaceAll("/targetGroupId$", "/name"), v.detail()) : v).toList();
    }
}
