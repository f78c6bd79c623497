package dev.signalbox.panel.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.signalbox.panel.loadbalancer.ListenerInfo;
import dev.signalbox.panel.loadbalancer.Listeners;
import dev.signalbox.panel.loadbalancer.LoadBalancerInfo;
import dev.signalbox.panel.loadbalancer.LoadBalancerAttributes;
import dev.signalbox.panel.loadbalancer.LoadBalancers;
import dev.signalbox.panel.loadbalancer.RuleView;
import dev.signalbox.panel.loadbalancer.Rules;
import dev.signalbox.panel.targetgroup.TargetGroupInfo;
import dev.signalbox.panel.targetgroup.TargetGroups;
import dev.signalbox.panel.targetgroup.TargetInfo;
import dev.signalbox.panel.targetgroup.Targets;
import dev.signalbox.protocol.RuleSnapshot;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.TargetSnapshot;

/** Reads the whole configuration of a load balancer, as the current transaction sees it, into one snapshot. */
@Component
class SnapshotAssembler {

    private final LoadBalancers loadBalancers;
    private final Listeners listeners;
    private final TargetGroups targetGroups;
    private final Targets targets;
    private final Rules rules;

    SnapshotAssembler(LoadBalancers loadBalancers, Listeners listeners, TargetGroups targetGroups, Targets targets,
            Rules rules) {
        this.loadBalancers = loadBalancers;
        this.listeners = listeners;
        this.targetGroups = targetGroups;
        this.targets = targets;
        this.rules = rules;
    }

    LoadBalancerSnapshot assemble(UUID tenantId, UUID loadBalancerId, long revision) {
        LoadBalancerInfo loadBalancer = loadBalancers.require(tenantId, loadBalancerId);
        return snapshot(loadBalancer, loadBalancers.attributes(tenantId, loadBalancerId), revision,
                listeners.of(tenantId, loadBalancerId), rules.ofLoadBalancer(tenantId, loadBalancerId),
                targetGroups.of(tenantId, loadBalancerId), targets.ofLoadBalancer(tenantId, loadBalancerId));
    }

    /** Pure mapping, so the snapshot's shape can be tested without a database. */
    static LoadBalancerSnapshot snapshot(LoadBalancerInfo loadBalancer, LoadBalancerAttributes attributes,
            long revision, List<ListenerInfo> listeners, List<RuleView> rules, List<TargetGroupInfo> groups,
            List<TargetInfo> targets) {
        Map<UUID, List<RuleSnapshot>> rulesByListener = rules.stream()
                .sorted(Comparator.comparingInt(view -> view.rule().priority()))
                .collect(Collectors.groupingBy(RuleView::listenerId,
                        Collectors.mapping(RuleView::rule, Collectors.toList())));
        Map<UUID, List<TargetSnapshot>> targetsByGroup = targets.stream()
                .sorted(Comparator.comparing(TargetInfo::host).thenComparingInt(TargetInfo::port))
                .collect(Collectors.groupingBy(TargetInfo::targetGroupId,
                        Collectors.mapping(t -> new TargetSnapshot(t.id(), t.host(), t.port(), t.weight()),
                                Collectors.toList())));
        List<ListenerSnapshot> listenerSnapshots = listeners.stream()
                .sorted(Comparator.comparingInt(ListenerInfo::port))
                .map(l -> new ListenerSnapshot(l.id(), l.protocol(), l.port(), l.defaultAction(),
                        rulesByListener.getOrDefault(l.id(), List.of()), l.tlsPolicy(), l.certificateIds()))
                .toList();
        List<TargetGroupSnapshot> groupSnapshots = groups.stream()
                .sorted(Comparator.comparing(TargetGroupInfo::name))
                .map(g -> new TargetGroupSnapshot(g.id(), g.name(), g.protocol(), g.algorithm(), g.healthCheck(),
                        targetsByGroup.getOrDefault(g.id(), List.of()), g.port(), g.hashKey(), g.attributes()))
                .toList();
        List<String> hostNames = new ArrayList<>();
        hostNames.add(loadBalancer.dnsName());
        hostNames.addAll(attributes.hostNames());
        return new LoadBalancerSnapshot(LoadBalancerSnapshot.SCHEMA_VERSION, loadBalancer.id(), loadBalancer.tenantId(),
                loadBalancer.name(), revision, hostNames, listenerSnapshots, groupSnapshots,
                loadBalancer.createdAt(), attributes.tagMap());
    }
}
