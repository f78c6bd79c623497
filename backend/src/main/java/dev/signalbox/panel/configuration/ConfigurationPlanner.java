package dev.signalbox.panel.configuration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.configuration.ConfigurationChange.Kind;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.ListenerEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.RuleEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetGroupEntry;
import dev.signalbox.panel.loadbalancer.LoadBalancerAttributes;

/**
 * Compares a document with the current configuration and lists the changes that make them equal,
 * matching listeners by port, rules by priority, target groups by name and targets by host and port.
 * Pure: the same two configurations always give the same plan. Order: the load balancer, then target
 * groups with their targets and listeners with their rules in document order, then what the document
 * no longer lists (a removed listener's rules and a removed group's targets before it).
 */
final class ConfigurationPlanner {

    private ConfigurationPlanner() {
    }

    static ConfigurationPlan plan(LoadBalancerConfiguration current, LoadBalancerConfiguration desired) {
        List<ConfigurationChange> changes = new ArrayList<>();
        if (!sameAttributes(current.attributes(), desired.attributes())) {
            changes.add(ConfigurationChange.change(Kind.LOAD_BALANCER, "", current.name(), null, current.attributes(),
                    desired.attributes()));
        }
        Map<String, Indexed<TargetGroupEntry>> currentGroups = index(current.targetGroups(), TargetGroupEntry::name);
        for (int i = 0; i < desired.targetGroups().size(); i++) {
            TargetGroupEntry group = desired.targetGroups().get(i);
            Indexed<TargetGroupEntry> before = currentGroups.remove(group.name());
            String pointer = "/targetGroups/" + i;
            compare(Kind.TARGET_GROUP, pointer, group.name(), null, before == null ? null : before.item().withoutTargets(),
                    group.withoutTargets(), changes);
            targets(group, before, pointer, changes);
        }
        Map<String, Indexed<ListenerEntry>> currentListeners = index(current.listeners(), ListenerEntry::key);
        for (int i = 0; i < desired.listeners().size(); i++) {
            ListenerEntry listener = desired.listeners().get(i);
            Indexed<ListenerEntry> before = currentListeners.remove(listener.key());
            String pointer = "/listeners/" + i;
            compare(Kind.LISTENER, pointer, listener.key(), null, before == null ? null : before.item().withoutRules(),
                    listener.withoutRules(), changes);
            rules(listener, before, pointer, changes);
        }
        currentListeners.values().forEach(gone -> {
            rules(gone.item().withoutRules(), gone, "", changes);
            changes.add(ConfigurationChange.remove(Kind.LISTENER, "/listeners/" + gone.index(), gone.item().key(), null,
                    gone.item().withoutRules()));
        });
        currentGroups.values().forEach(gone -> {
            targets(gone.item().withoutTargets(), gone, "", changes);
            changes.add(ConfigurationChange.remove(Kind.TARGET_GROUP, "/targetGroups/" + gone.index(),
                    gone.item().name(), null, gone.item().withoutTargets()));
        });
        return new ConfigurationPlan(changes);
    }

    private static void rules(ListenerEntry listener, @Nullable Indexed<ListenerEntry> before, String pointer,
            List<ConfigurationChange> changes) {
        Map<Integer, Indexed<RuleEntry>> currentRules = before == null ? new LinkedHashMap<>()
                : index(before.item().rules(), RuleEntry::priority);
        for (int j = 0; j < listener.rules().size(); j++) {
            RuleEntry rule = listener.rules().get(j);
            Indexed<RuleEntry> was = currentRules.remove(rule.priority());
            compare(Kind.RULE, pointer + "/rules/" + j, listener.key() + "/" + rule.priority(), listener.key(),
                    was == null ? null : was.item(), rule, changes);
        }
        currentRules.values().forEach(gone -> changes.add(ConfigurationChange.remove(Kind.RULE,
                "/listeners/" + before.index() + "/rules/" + gone.index(),
                listener.key() + "/" + gone.item().priority(), listener.key(), gone.item())));
    }

    private static void targets(TargetGroupEntry group, @Nullable Indexed<TargetGroupEntry> before, String pointer,
            List<ConfigurationChange> changes) {
        Map<String, Indexed<TargetEntry>> currentTargets = before == null ? new LinkedHashMap<>()
                : index(before.item().targets(), TargetEntry::address);
        for (int j = 0; j < group.targets().size(); j++) {
            TargetEntry target = group.targets().get(j);
            Indexed<TargetEntry> was = currentTargets.remove(target.address());
            compare(Kind.TARGET, pointer + "/targets/" + j, group.name() + "/" + target.address(), group.name(),
                    was == null ? null : was.item(), target, changes);
        }
        currentTargets.values().forEach(gone -> changes.add(ConfigurationChange.remove(Kind.TARGET,
                "/targetGroups/" + before.index() + "/targets/" + gone.index(),
                group.name() + "/" + gone.item().address(), group.name(), gone.item())));
    }

    private static void compare(Kind kind, String pointer, String key, @Nullable String parent,
            @Nullable Object before, Object after, List<ConfigurationChange> changes) {
        if (before == null) {
            changes.add(ConfigurationChange.add(kind, pointer, key, parent, after));
        } else if (!before.equals(after)) {
            changes.add(ConfigurationChange.change(kind, pointer, key, parent, before, after));
        }
    }

    /** Tags are a set of keys: stored ones read back sorted, a document or snapshot may list them in any order. */
    private static boolean sameAttributes(LoadBalancerAttributes current, LoadBalancerAttributes desired) {
        return current.hostNames().equals(desired.hostNames()) && current.tagMap().equals(desired.tagMap());
    }

    private record Indexed<T>(int index, T item) {
    }

    private static <K, T> Map<K, Indexed<T>> index(List<T> items, Function<T, K> key) {
        Map<K, Indexed<T>> map = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            map.put(key.apply(items.get(i)), new Indexed<>(i, items.get(i)));
        }
        return map;
    }
}
