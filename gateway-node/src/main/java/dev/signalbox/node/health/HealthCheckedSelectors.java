package dev.signalbox.node.health;

import org.springframework.stereotype.Component;

import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.balancing.TargetSelector;
import dev.signalbox.node.outlier.OutlierDetector;
import dev.signalbox.protocol.TargetGroupSnapshot;

/** The node's selectors: each group's algorithm, decorated with the targets' health and ejections. */
@Component
public class HealthCheckedSelectors implements GroupSelectorFactory {

    private final TargetHealthRegistry registry;
    private final OutlierDetector outliers;
    private final HealthProperties properties;

    public HealthCheckedSelectors(TargetHealthRegistry registry, OutlierDetector outliers,
            HealthProperties properties) {
        this.registry = registry;
        this.outliers = outliers;
        this.properties = properties;
    }

    @Override
    public TargetSelector forGroup(TargetGroupSnapshot group) {
        return new HealthFilteringSelector(group, registry, outliers, GroupSelectorFactory.PLAIN,
                properties.panicThresholdPercent());
    }
}
