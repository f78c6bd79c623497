package dev.signalbox.node.health;

import org.springframework.stereotype.Component;

import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.protocol.TargetGroupSnapshot;

/** The node's selectors: each group's algorithm, decorated with the targets' health. */
@Component
public class HealthCheckedSelectors implements GroupSelectorFactory {

    private final TargetHealthRegistry registry;
    private final HealthProperties properties;

    public HealthCheckedSelectors(TargetHealthRegistry registry, HealthProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    @Override
    public TargetSelector forGroup(TargetGroupSnapshot group) {
        return new HealthFilteringSelector(group, registry, GroupSelectorFactory.PLAIN,
                properties.panicThresholdPercent());
    }
}
