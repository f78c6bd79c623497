package dev.signalbox.panel.loadbalancer;

import java.util.List;

import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ConditionSnapshot;

/** What a rule is made of, as a create or update asks for it. */
public record RuleSettings(int priority, List<ConditionSnapshot> conditions, ActionSnapshot action) {

    public RuleSettings {
        conditions = List.copyOf(conditions);
    }
}
