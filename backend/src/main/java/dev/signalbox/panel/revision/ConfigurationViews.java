package dev.signalbox.panel.revision;

import tools.jackson.databind.json.JsonMapper;

import dev.signalbox.panel.api.model.ConfiguredListener;
import dev.signalbox.panel.api.model.ConfiguredTargetGroup;
import dev.signalbox.panel.api.model.LoadBalancerConfiguration;
import dev.signalbox.panel.api.model.Target;
import dev.signalbox.panel.loadbalancer.ListenerViews;
import dev.signalbox.panel.targetgroup.TargetGroupViews;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;

/** Presents a stored snapshot in the API's own shapes, the same a client reads from the live resources. */
final class ConfigurationViews {

    /** Copies a resource's DTO into its "configured" extension, which has the same properties and one more list. */
    private static final JsonMapper DTOS = JsonMapper.builder().build();

    private ConfigurationViews() {
    }

    static LoadBalancerConfiguration of(LoadBalancerSnapshot snapshot) {
        return new LoadBalancerConfiguration(snapshot.name(), snapshot.hostNames(), ListenerViews.tags(snapshot.tags()),
                snapshot.listeners().stream().map(ConfigurationViews::listener).toList(),
                snapshot.targetGroups().stream().map(ConfigurationViews::targetGroup).toList());
    }

    private static ConfiguredListener listener(ListenerSnapshot listener) {
        return DTOS.convertValue(ListenerViews.listener(listener), ConfiguredListener.class)
                .rules(listener.rules().stream().map(ListenerViews::rule).toList());
    }

    private static ConfiguredTargetGroup targetGroup(TargetGroupSnapshot group) {
        return DTOS.convertValue(TargetGroupViews.of(group), ConfiguredTargetGroup.class)
                .targets(group.targets().stream().map(t -> new Target(t.id(), t.host(), t.port(), t.weight())).toList());
    }
}
