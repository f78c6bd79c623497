package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.Map;

import dev.signalbox.panel.api.model.Listener;
import dev.signalbox.panel.api.model.Rule;
import dev.signalbox.panel.api.model.Tag;
import dev.signalbox.protocol.ListenerSnapshot;
import dev.signalbox.protocol.RuleSnapshot;

/** Presents snapshot parts in the API's shapes, as the live listeners, rules and tags are presented. */
public final class ListenerViews {

    private ListenerViews() {
    }

    public static Listener listener(ListenerSnapshot listener) {
        return ListenerController.toDto(new ListenerInfo(listener.id(), listener.protocol(), listener.port(),
                listener.defaultAction(), listener.tlsPolicy(), listener.certificateIds()));
    }

    /** A rule as stored, without warnings (those are about the live rules). */
    public static Rule rule(RuleSnapshot rule) {
        return new Rule(rule.id(), rule.priority(), ConditionDtos.toDtos(rule.conditions()),
                ActionDtos.toDto(rule.action()), List.of());
    }

    public static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> new Tag(tag.getKey()).value(tag.getValue())).toList();
    }
}
