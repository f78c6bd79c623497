package dev.signalbox.panel.configuration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.configuration.LoadBalancerConfiguration.ListenerEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.NamedAction;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.NamedWeight;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.RuleEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetGroupEntry;
import dev.signalbox.panel.loadbalancer.ListenerInfo;
import dev.signalbox.panel.loadbalancer.Listeners;
import dev.signalbox.panel.loadbalancer.LoadBalancerInfo;
import dev.signalbox.panel.loadbalancer.LoadBalancers;
import dev.signalbox.panel.loadbalancer.RuleView;
import dev.signalbox.panel.loadbalancer.Rules;
import dev.signalbox.panel.targetgroup.TargetGroupInfo;
import dev.signalbox.panel.targetgroup.TargetGroupSettings;
import dev.signalbox.panel.targetgroup.TargetGroups;
import dev.signalbox.panel.targetgroup.TargetInfo;
import dev.signalbox.panel.targetgroup.Targets;
import dev.signalbox.protocol.ActionSnapshot;

/** Reads a load balancer's stored configuration by name, through the features' public query services. */
@Component
class CurrentConfiguration {

    private final LoadBalancers loadBalancers;
    private final Listeners listeners;
    private final Rules rules;
    private final TargetGroups targetGroups;
    private final Targets targets;

    CurrentConfiguration(LoadBalancers loadBalancers, Listeners listeners, Rules rules, TargetGroups targetGroups,
            Targets targets) {
        this.loadBalancers = loadBalancers;
        this.listeners = listeners;
        this.rules = rules;
        this.targetGroups = targetGroups;
        this.targets = targets;
    }

    /** The configuration and the ids of what it names; another tenant's load balancer is "not found". */
    @Transactional(readOnly = true)
    CurrentState read(UUID tenantId, UUID loadBalancerId) {
        LoadBalancerInfo loadBalancer = loadBalancers.require(tenantId, loadBalancerId);
        Map<UUID, String> groupNames = new HashMap<>();
        Map<String, UUID> groupIds = new HashMap<>();
        Map<UUID, List<TargetEntry>> targetsByGroup = new HashMap<>();
        for (TargetInfo target : targets.ofLoadBalancer(tenantId, loadBalancerId)) {
            targetsByGroup.computeIfAbsent(target.targetGroupId(), id -> new ArrayList<>())
                    .add(new TargetEntry(target.host(), target.port(), target.weight()));
        }
        List<TargetGroupEntry> groups = new ArrayList<>();
        for (TargetGroupInfo group : targetGroups.of(tenantId, loadBalancerId)) {
            groupNames.put(group.id(), group.name());
            groupIds.put(group.name(), group.id());
            List<TargetEntry> members = new ArrayList<>(targetsByGroup.getOrDefault(group.id(), List.of()));
            members.sort(Comparator.comparing(TargetEntry::host).thenComparingInt(TargetEntry::port));
            groups.add(new TargetGroupEntry(new TargetGroupSettings(group.name(), group.protocol(), group.port(),
                    group.algorithm(), group.hashKey(), group.healthCheck(), group.attributes()), members));
        }
        Map<UUID, List<RuleView>> rulesByListener = new HashMap<>();
        Map<String, UUID> ruleIds = new HashMap<>();
        for (RuleView rule : rules.ofLoadBalancer(tenantId, loadBalancerId)) {
            rulesByListener.computeIfAbsent(rule.listenerId(), id -> new ArrayList<>()).add(rule);
        }
        Map<String, UUID> listenerIds = new HashMap<>();
        List<ListenerEntry> entries = new ArrayList<>();
        for (ListenerInfo listener : listeners.of(tenantId, loadBalancerId)) {
            listenerIds.put(Integer.toString(listener.port()), listener.id());
            List<RuleEntry> ruleEntries = new ArrayList<>();
            for (RuleView rule : rulesByListener.getOrDefault(listener.id(), List.of())) {
                ruleIds.put(listener.port() + "/" + rule.rule().priority(), rule.rule().id());
                ruleEntries.add(new RuleEntry(rule.rule().priority(), rule.rule().conditions(),
                        named(rule.rule().action(), groupNames)));
            }
            entries.add(new ListenerEntry(listener.port(), listener.protocol(), listener.tlsPolicy(),
                    listener.certificateIds(), named(listener.defaultAction(), groupNames), ruleEntries));
        }
        LoadBalancerConfiguration configuration = new LoadBalancerConfiguration(loadBalancer.name(),
                loadBalancers.attributes(tenantId, loadBalancerId), entries, groups);
        return new CurrentState(loadBalancer, configuration, listenerIds, ruleIds, groupIds);
    }

    private static NamedAction named(ActionSnapshot action, Map<UUID, String> groupNames) {
        List<NamedWeight> groups = action.targetGroups().stream()
                .map(group -> new NamedWeight(groupNames.getOrDefault(group.targetGroupId(),
                        group.targetGroupId().toString()), group.weight()))
                .toList();
        return new NamedAction(action.type(), groups, action.stickinessSeconds(), action.redirect(),
                action.fixedResponse());
    }

    /**
     * The stored configuration with the ids of its listeners (by port), rules (by {@code port/priority})
     * and target groups (by name).
     */
    record CurrentState(LoadBalancerInfo loadBalancer, LoadBalancerConfiguration configuration,
            Map<String, UUID> listenerIds, Map<String, UUID> ruleIds, Map<String, UUID> targetGroupIds) {

        CurrentState {
            listenerIds = Map.copyOf(listenerIds);
            ruleIds = Map.copyOf(ruleIds);
            targetGroupIds = Map.copyOf(targetGroupIds);
        }
    }
}
