package dev.signalbox.panel.targetgroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.telemetry.TargetHealthReading;
import dev.signalbox.protocol.TargetHealthState;

/**
 * A target's health over the nodes that check it: the worst state any node sees, so HEALTHY
 * means every reporting node says healthy and one node failing its checks shows.
 *
 * @param registered false for a deregistered target that a node still drains
 * @param reason     the reason code of the node whose state was taken, null when healthy
 * @param nodes      what each node reports, by node id
 */
record TargetHealthSummary(UUID targetId, String host, int port, boolean registered, TargetHealthState state,
        @Nullable String reason, List<TargetHealthReading> nodes) {

    /** The reason of a registered target that no node reports yet: the nodes have not applied it. */
    static final String NOT_REPORTED_REASON = "Elb.RegistrationInProgress";

    /** Worst first; a state newer than this panel (UNKNOWN) is no reason to call a target healthy. */
    private static final List<TargetHealthState> SEVERITY = List.of(TargetHealthState.UNHEALTHY,
            TargetHealthState.DRAINING, TargetHealthState.INITIAL, TargetHealthState.UNKNOWN, TargetHealthState.HEALTHY);

    /**
     * The registered targets (in their order), then the deregistered ones some node still drains
     * (by host and port), as ALB shows draining targets.
     *
     * @param readings target id → what each node reports of it, by node id
     */
    static List<TargetHealthSummary> of(List<TargetInfo> registered, Map<UUID, List<TargetHealthReading>> readings) {
        List<TargetHealthSummary> summaries = new ArrayList<>();
        for (TargetInfo target : registered) {
            List<TargetHealthReading> nodes = readings.getOrDefault(target.id(), List.of());
            if (nodes.isEmpty()) {
                summaries.add(new TargetHealthSummary(target.id(), target.host(), target.port(), true,
                        TargetHealthState.INITIAL, NOT_REPORTED_REASON, nodes));
            } else {
                TargetHealthReading worst = nodes.stream().min(Comparator.comparing(node -> SEVERITY.indexOf(node.status().state())))
                        .orElseThrow();
                summaries.add(new TargetHealthSummary(target.id(), target.host(), target.port(), true,
                        worst.status().state(), worst.status().reason(), nodes));
            }
        }
        Set<UUID> registeredIds = registered.stream().map(TargetInfo::id).collect(Collectors.toSet());
        List<TargetHealthSummary> draining = new ArrayList<>();
        readings.forEach((targetId, nodes) -> {
            if (registeredIds.contains(targetId)) {
                return;
            }
            nodes.stream().filter(node -> node.status().state() == TargetHealthState.DRAINING).findFirst()
                    .ifPresent(node -> draining.add(new TargetHealthSummary(targetId, node.status().host(),
                            node.status().port(), false, TargetHealthState.DRAINING, node.status().reason(), nodes)));
        });
        draining.sort(Comparator.comparing(TargetHealthSummary::host).thenComparingInt(TargetHealthSummary::port)
                .thenComparing(TargetHealthSummary::targetId));
        summaries.addAll(draining);
        return summaries;
    }
}
