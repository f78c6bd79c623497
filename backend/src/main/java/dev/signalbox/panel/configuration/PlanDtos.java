package dev.signalbox.panel.configuration;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.api.model.ConfigurationChange.ActionEnum;
import dev.signalbox.panel.api.model.ConfigurationChange.KindEnum;
import dev.signalbox.panel.configuration.ConfigurationChange.Action;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.ListenerEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.RuleEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetEntry;
import dev.signalbox.panel.configuration.LoadBalancerConfiguration.TargetGroupEntry;
import dev.signalbox.panel.loadbalancer.LoadBalancerAttributes;

/** Maps a plan to the API, each change's before and after as the part of a document they are. */
final class PlanDtos {

    private PlanDtos() {
    }

    static dev.signalbox.panel.api.model.ConfigurationPlan toDto(ConfigurationPlan plan) {
        var changes = plan.changes().stream().map(change -> new dev.signalbox.panel.api.model.ConfigurationChange(
                        ActionEnum.fromValue(change.action().name().toLowerCase(Locale.ROOT)),
                        change.pointer(),
                        KindEnum.fromValue(change.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')),
                        change.key())
                .before(part(change.before()))
                .after(part(change.after())))
                .toList();
        return new dev.signalbox.panel.api.model.ConfigurationPlan(changes, (int) plan.count(Action.ADD),
                (int) plan.count(Action.CHANGE), (int) plan.count(Action.REMOVE));
    }

    private static @Nullable Object part(@Nullable Object entry) {
        if (entry instanceof ListenerEntry listener) {
            return DocumentWriter.listener(listener).rules(null);
        }
        if (entry instanceof TargetGroupEntry group) {
            return DocumentWriter.targetGroup(group).targets(null);
        }
        if (entry instanceof RuleEntry rule) {
            return DocumentWriter.rule(rule);
        }
        if (entry instanceof TargetEntry target) {
            return DocumentWriter.target(target);
        }
        if (entry instanceof LoadBalancerAttributes attributes) {
            return DocumentWriter.attributes(attributes);
        }
        return null;
    }
}
