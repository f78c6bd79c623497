package dev.signalbox.panel.telemetry;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the nodes that reported recently say about one target group.
 *
 * @param byTarget   target id → what each node reports of it, by node id; a target no node reports is absent
 * @param panicNodes the nodes on which the group is in panic mode, spreading over all of its targets
 */
public record GroupHealthReadings(Map<UUID, List<TargetHealthReading>> byTarget, List<String> panicNodes) {

    static final GroupHealthReadings NONE = new GroupHealthReadings(Map.of(), List.of());
}
