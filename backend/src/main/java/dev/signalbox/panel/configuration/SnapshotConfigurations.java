package dev.signalbox.panel.configuration;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.signalbox.panel.configuration.LoadBalancerConfiguration.ListenerEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.NamedAction;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.NamedWeight;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.RuleEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetGroupEntry;
import dev.signalbox.panel.loadbalancer.LoadBalancerAttributes;
import dev.signalbox.panel.targetgroup.TargetGroupSettings;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;

/**
 * Reads a published snapshot (e.g. a past revision's) as a configuration by name, so that restoring
 * a revision is applying it like a document: unchanged parts keep their ids.
 */
final class SnapshotConfigurations {

    private SnapshotConfigurations() {
    }

    static LoadBalancerConfiguration from(LoadBalancerSnapshot snapshot) {
        Map<UUID, String> groupNames = new HashMap<>();
        snapshot.targetGroups().forEach(group -> groupNames.put(group.id(), group.name()));
        // the first host name of a snapshot is the generated DNS name, the rest are the extra ones
        List<String> extraHostNames = snapshot.hostNames().isEmpty() ? List.of()
                : snapshot.hostNames().subList(1, snapshot.hostNames().size());
        List<LoadBalancerAttributes.Tag> tags = snapshot.tags().entrySet().stream()
                .map(tag -> new LoadBalancerAttributes.Tag(tag.getKey(), tag.getValue())).toList();
        List<ListenerEntry> listeners = snapshot.listeners().stream()
                .sorted(Comparator.comparingInt(listener -> listener.port()))
                .map(listener -> new ListenerEntry(listener.port(), listener.protocol(), listener.tlsPolicy(),
                        listener.certificateIds(), named(listener.defaultAction(), groupNames),
                        listener.rules().stream().sorted(Comparator.comparingInt(rule -> rule.priority()))
                                .map(rule -> new RuleEntry(rule.priority(), rule.conditions(),
                                        named(rule.action(), groupNames))).toList()))
                .toList();
        List<TargetGroupEntry> groups = snapshot.targetGroups().stream()
                .sorted(Comparator.comparing(group -> group.name()))
                .map(group -> new TargetGroupEntry(new TargetGroupSettings(group.name(), group.protocol(), group.port(),
                        group.algorithm(), group.hashKey(), group.healthCheck(), group.attributes()),
                        group.targets().stream().map(target -> new TargetEntry(target.host(), target.port(),
                                target.weight())).toList()))
                .toList();
        return new LoadBalancerConfiguration(snapshot.name(), new LoadBalancerAttributes(extraHostNames, tags),
                listeners, groups);
    }

    private static NamedAction named(ActionSnapshot action, Map<UUID, String> groupNames) {
        return new NamedAction(action.type(), action.targetGroups().stream()
                .map(group -> new NamedWeight(groupNames.getOrDefault(group.targetGroupId(),
                        group.targetGroupId().toString()), group.weight())).toList(),
                action.stickinessSeconds(), action.redirect(), action.fixedResponse());
    }
}
