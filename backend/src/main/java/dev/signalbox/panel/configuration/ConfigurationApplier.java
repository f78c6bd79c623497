package dev.signalbox.panel.configuration;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.configuration.ConfigurationChange.Action;
import dev.signalbox.panel.configuration.ConfigurationChange.Kind;
import dev.signalbox.panel.configuration.CurrentConfiguration.CurrentState;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.ListenerEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.NamedAction;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.RuleEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetGroupEntry;
import dev.signalbox.panel.loadbalancer.ListenerSettings;
import dev.signalbox.panel.loadbalancer.Listeners;
import dev.signalbox.panel.loadbalancer.LoadBalancerAttributes;
import dev.signalbox.panel.loadbalancer.LoadBalancers;
import dev.signalbox.panel.loadbalancer.RuleSettings;
import dev.signalbox.panel.loadbalancer.Rules;
import dev.signalbox.panel.targetgroup.TargetGroups;
import dev.signalbox.panel.targetgroup.Targets;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.WeightedTargetGroup;

/**
 * Makes a plan's changes through the features' public services, all inside the caller's
 * transaction and folded into ONE revision. The order keeps every intermediate state valid for the
 * services' own checks: removed rules and listeners first (freeing ports), then the load balancer's
 * host names, target groups and their targets, listeners and rules, and removed target groups last
 * (once nothing forwards to them). A failing step names the change's pointer and undoes everything.
 * Each step is unconditional (no If-Match): the caller holds the load balancer's lock from planning
 * to commit, so nothing changed since the plan was made.
 */
@Component
class ConfigurationApplier {

    private final LoadBalancers loadBalancers;
    private final Listeners listeners;
    private final Rules rules;
    private final TargetGroups targetGroups;
    private final Targets targets;

    ConfigurationApplier(LoadBalancers loadBalancers, Listeners listeners, Rules rules, TargetGroups targetGroups,
            Targets targets) {
        this.loadBalancers = loadBalancers;
        this.listeners = listeners;
        this.rules = rules;
        this.targetGroups = targetGroups;
        this.targets = targets;
    }

    /** Applies a non-empty plan made against {@code current}; returns the revision it became. */
    @Transactional
    long apply(SignalboxPrincipal actor, CurrentState current, ConfigurationPlan plan, String summary) {
        UUID lb = current.loadBalancer().id();
        Map<String, UUID> listenerIds = new HashMap<>(current.listenerIds());
        Map<String, UUID> groupIds = new HashMap<>(current.targetGroupIds());
        Set<String> removedListeners = keys(plan, Kind.LISTENER, Action.REMOVE);
        Set<String> removedGroups = keys(plan, Kind.TARGET_GROUP, Action.REMOVE);
        return loadBalancers.reviseOnce(actor, lb, summary, () -> {
            for (ConfigurationChange change : select(plan, Kind.RULE, a -> a == Action.REMOVE)) {
                if (!removedListeners.contains(change.parentKey())) {
                    ChangeFailures.at(change, () -> rules.delete(actor, lb, listenerIds.get(change.parentKey()),
                            current.ruleIds().get(change.key()), IfMatch.none()));
                }
            }
            for (ConfigurationChange change : select(plan, Kind.LISTENER, a -> a == Action.REMOVE)) {
                ChangeFailures.at(change, () -> listeners.delete(actor, lb, listenerIds.remove(change.key()), IfMatch.none()));
            }
            for (ConfigurationChange change : select(plan, Kind.LOAD_BALANCER, a -> true)) {
                ChangeFailures.at(change, () -> loadBalancers.update(actor, lb,
                        (LoadBalancerAttributes) change.after(), IfMatch.none()));
            }
            for (ConfigurationChange change : select(plan, Kind.TARGET_GROUP, a -> a != Action.REMOVE)) {
                TargetGroupEntry group = (TargetGroupEntry) change.after();
                ChangeFailures.at(change, () -> {
                    if (change.action() == Action.ADD) {
                        groupIds.put(group.name(), targetGroups.create(actor, lb, group.settings()).id());
                    } else {
                        targetGroups.update(actor, lb, groupIds.get(group.name()), group.settings(), IfMatch.none());
                    }
                });
            }
            applyTargets(actor, lb, plan, groupIds, removedGroups);
            for (ConfigurationChange change : select(plan, Kind.LISTENER, a -> a != Action.REMOVE)) {
                ChangeFailures.at(change, () -> applyListener(actor, lb, change, listenerIds, groupIds));
            }
            for (ConfigurationChange change : select(plan, Kind.RULE, a -> a != Action.REMOVE)) {
                RuleEntry rule = (RuleEntry) change.after();
                RuleSettings settings = new RuleSettings(rule.priority(), rule.conditions(),
                        withIds(rule.action(), groupIds));
                UUID listenerId = listenerIds.get(change.parentKey());
                ChangeFailures.at(change, () -> {
                    if (change.action() == Action.ADD) {
                        rules.create(actor, lb, listenerId, settings);
                    } else {
                        rules.update(actor, lb, listenerId, current.ruleIds().get(change.key()), settings, IfMatch.none());
                    }
                });
            }
            for (ConfigurationChange change : select(plan, Kind.TARGET_GROUP, a -> a == Action.REMOVE)) {
                ChangeFailures.at(change, () -> targetGroups.delete(actor, lb, groupIds.get(change.key()), IfMatch.none()));
            }
        });
    }

    /** One registration and one deregistration per group whose targets change. */
    private void applyTargets(SignalboxPrincipal actor, UUID lb, ConfigurationPlan plan, Map<String, UUID> groupIds,
            Set<String> removedGroups) {
        Map<String, List<ConfigurationChange>> byGroup = plan.changes().stream()
                .filter(change -> change.kind() == Kind.TARGET && !removedGroups.contains(change.parentKey()))
                .collect(Collectors.groupingBy(ConfigurationChange::parentKey, LinkedHashMap::new, Collectors.toList()));
        byGroup.forEach((group, changes) -> {
            List<Targets.Registration> registrations = changes.stream().filter(c -> c.action() != Action.REMOVE)
                    .map(c -> (TargetEntry) c.after())
                    .map(t -> new Targets.Registration(t.host(), t.port(), t.weight())).toList();
            List<Targets.Address> gone = changes.stream().filter(c -> c.action() == Action.REMOVE)
                    .map(c -> (TargetEntry) c.before()).map(t -> new Targets.Address(t.host(), t.port())).toList();
            ChangeFailures.at(changes.get(0), () -> {
                if (!gone.isEmpty()) {
                    targets.deregister(actor, lb, groupIds.get(group), gone);
                }
                if (!registrations.isEmpty()) {
                    targets.register(actor, lb, groupIds.get(group), registrations);
                }
            });
        });
    }

    /** A listener that switches between TCP and HTTP(S) cannot be updated in place, so it is replaced. */
    private void applyListener(SignalboxPrincipal actor, UUID lb, ConfigurationChange change,
            Map<String, UUID> listenerIds, Map<String, UUID> groupIds) {
        ListenerEntry listener = (ListenerEntry) change.after();
        ListenerSettings settings = new ListenerSettings(listener.protocol(), listener.port(),
                withIds(listener.defaultAction(), groupIds), listener.tlsPolicy(), listener.certificateIds());
        if (change.action() == Action.CHANGE && isTcp(((ListenerEntry) change.before()).protocol())
                == isTcp(listener.protocol())) {
            listeners.update(actor, lb, listenerIds.get(listener.key()), settings, IfMatch.none());
            return;
        }
        if (change.action() == Action.CHANGE) {
            listeners.delete(actor, lb, listenerIds.remove(listener.key()), IfMatch.none());
        }
        listenerIds.put(listener.key(), listeners.create(actor, lb, settings).id());
    }

    private static boolean isTcp(ListenerProtocol protocol) {
        return protocol == ListenerProtocol.TCP;
    }

    private static ActionSnapshot withIds(NamedAction action, Map<String, UUID> groupIds) {
        List<WeightedTargetGroup> groups = action.targetGroups().stream()
                .map(group -> new WeightedTargetGroup(groupIds.get(group.name()), group.weight())).toList();
        return new ActionSnapshot(action.type(), groups, action.stickinessSeconds(), action.redirect(),
                action.fixedResponse());
    }

    private static List<ConfigurationChange> select(ConfigurationPlan plan, Kind kind, Predicate<Action> action) {
        return plan.changes().stream().filter(c -> c.kind() == kind && action.test(c.action())).toList();
    }

    private static Set<String> keys(ConfigurationPlan plan, Kind kind, Action action) {
        return select(plan, kind, a -> a == action).stream().map(ConfigurationChange::key).collect(Collectors.toSet());
    }
}
