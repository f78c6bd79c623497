package dev.signalbox.protocol;

import java.util.List;
import java.util.UUID;

/**
 * A listener rule: when every condition matches, the action is taken.
 *
 * @param id         rule id
 * @param priority   lower is evaluated first; unique per listener
 * @param conditions all must match
 * @param action     what to do on a match
 */
public record RuleSnapshot(UUID id, int priority, List<ConditionSnapshot> conditions, ActionSnapshot action) {

    public RuleSnapshot {
        conditions = List.copyOf(conditions);
    }
}
