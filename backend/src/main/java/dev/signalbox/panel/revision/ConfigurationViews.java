package dev.signalbox.panel.revision;

import dev.signalbox.panel.api.model.Action;
import dev.signalbox.panel.api.model.ConfiguredTargetGroup;
import dev.signalbox.panel.api.model.HealthCheck;
import dev.signalbox.panel.api.model.Listener;
import dev.signalbox.panel.api.model.LoadBalancerConfiguration;
import dev.signalbox.panel.api.model.Target;
import dev.signalbox.protocol.HealthCheckSnapshot;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;

/** Presents a stored snapshot in the API's own shapes, the same a client reads from the live resources. */
final class ConfigurationViews {

    private ConfigurationViews() {
    }

    static LoadBalancerConfiguration of(LoadBalancerSnapshot snapshot) {
        return new LoadBalancerConfiguration(snapshot.name(), snapshot.hostNames(),
                snapshot.listeners().stream().map(ConfigurationViews::listener).toList(),
                snapshot.targetGroups().stream().map(ConfigurationViews::targetGroup).toList());
    }

    private static Listener listener(ListenerSnapshot listener) {
        return new Listener(listener.id(), Listener.ProtocolEnum.fromValue(listener.protocol().name()), listener.port(),
                new Action(Action.TypeEnum.FORWARD, listener.defaultAction().targetGroups().get(0).targetGroupId()));
    }

    private static ConfiguredTargetGroup targetGroup(TargetGroupSnapshot group) {
        HealthCheckSnapshot check = group.healthCheck();
        HealthCheck healthCheck = new HealthCheck()
                .protocol(HealthCheck.ProtocolEnum.fromValue(check.protocol().name()))
                .path(check.path())
                .port(check.port())
                .intervalSeconds(check.intervalSeconds())
                .timeoutSeconds(check.timeoutSeconds())
                .healthyThreshold(check.healthyThreshold())
                .unhealthyThreshold(check.unhealthyThreshold())
                .matcher(check.matcher());
        return new ConfiguredTargetGroup(group.id(), group.name(),
                ConfiguredTargetGroup.ProtocolEnum.fromValue(group.protocol().name()),
                ConfiguredTargetGroup.AlgorithmEnum.fromValue(group.algorithm().name()), healthCheck,
                group.targets().stream().map(t -> new Target(t.id(), t.host(), t.port(), t.weight())).toList());
    }
}
