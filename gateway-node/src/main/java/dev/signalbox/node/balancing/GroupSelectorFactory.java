package dev.signalbox.node.balancing;

import dev.signalbox.protocol.TargetGroupSnapshot;

/**
 * Builds the selector of a target group when a snapshot is compiled. The seam where decorators
 * such as health filtering wrap the plain algorithm.
 */
@FunctionalInterface
public interface GroupSelectorFactory {

    /** The group's algorithm over all of its targets, undecorated. */
    GroupSelectorFactory PLAIN = TargetSelector::forGroup;

    TargetSelector forGroup(TargetGroupSnapshot group);
}
