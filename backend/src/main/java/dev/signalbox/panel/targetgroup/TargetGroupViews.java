package dev.signalbox.panel.targetgroup;

import dev.signalbox.panel.api.model.TargetGroup;
import dev.signalbox.protocol.TargetGroupSnapshot;

/** Presents a target group of a snapshot in the API's shape, as a live one is presented. */
public final class TargetGroupViews {

    private TargetGroupViews() {
    }

    public static TargetGroup of(TargetGroupSnapshot group) {
        return TargetGroupDtos.toDto(new TargetGroupInfo(group.id(), group.name(), group.protocol(), group.algorithm(),
                group.healthCheck(), group.port(), group.hashKey(), group.attributes()));
    }
}
