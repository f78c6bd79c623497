package dev.signalbox.panel.configuration;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.loadbalancer.LoadBalancerAttributes;
import dev.signalbox.panel.targetgroup.TargetGroupSettings;
import dev.signalbox.protocol.ActionType;
import dev.signalbox.protocol.ConditionSnapshot;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.RedirectSnapshot;

/**
 * A load balancer's configuration with every reference by name and every default filled in, so two
 * of them compare field by field: the stored one (listeners by port, rules by priority, groups by
 * name, targets by host and port) or a document's (in the document's order).
 */
record LoadBalancerConfiguration(String name, LoadBalancerAttributes attributes, List<ListenerEntry> listeners,
        List<TargetGroupEntry> targetGroups) {

    LoadBalancerConfiguration {
        listeners = List.copyOf(listeners);
        targetGroups = List.copyOf(targetGroups);
    }

    /** A listener, keyed by its port; its rules are compared one by one, not as part of it. */
    record ListenerEntry(int port, ListenerProtocol protocol, @Nullable String tlsPolicy, List<UUID> certificateIds,
            NamedAction defaultAction, List<RuleEntry> rules) {

        ListenerEntry {
            certificateIds = List.copyOf(certificateIds);
            rules = List.copyOf(rules);
        }

        String key() {
            return Integer.toString(port);
        }

        ListenerEntry withoutRules() {
            return new ListenerEntry(port, protocol, tlsPolicy, certificateIds, defaultAction, List.of());
        }
    }

    /** A rule, keyed by its priority within its listener. */
    record RuleEntry(int priority, List<ConditionSnapshot> conditions, NamedAction action) {

        RuleEntry {
            conditions = List.copyOf(conditions);
        }
    }

    /** An action whose forward names its target groups. */
    record NamedAction(ActionType type, List<NamedWeight> targetGroups, @Nullable Integer stickinessSeconds,
            @Nullable RedirectSnapshot redirect, @Nullable FixedResponseSnapshot fixedResponse) {

        NamedAction {
            targetGroups = List.copyOf(targetGroups);
        }
    }

    record NamedWeight(String name, int weight) {
    }

    /** A target group, keyed by its name. */
    record TargetGroupEntry(TargetGroupSettings settings, List<TargetEntry> targets) {

        TargetGroupEntry {
            targets = List.copyOf(targets);
        }

        String name() {
            return settings.name();
        }

        TargetGroupEntry withoutTargets() {
            return new TargetGroupEntry(settings, List.of());
        }
    }

    /** A target, keyed by host and port within its group. */
    record TargetEntry(String host, int port, int weight) {

        String address() {
            return host + ":" + port;
        }
    }
}
