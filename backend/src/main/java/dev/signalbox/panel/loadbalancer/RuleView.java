package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.UUID;

import dev.signalbox.panel.conditional.EntityTag;
import dev.signalbox.protocol.RuleSnapshot;

/**
 * A rule with the listener it belongs to and the warnings about it (e.g. that it can never match).
 */
public record RuleView(UUID listenerId, RuleSnapshot rule, List<String> warnings) {

    public RuleView {
        warnings = List.copyOf(warnings);
    }

    /** Of the rule's own settings: a warning comes and goes with other rules, which do not make this one stale. */
    public EntityTag entityTag() {
        return EntityTag.of(rule);
    }
}
