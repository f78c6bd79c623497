package dev.signalbox.panel.configuration;

import java.util.List;

/** The changes that make a load balancer's configuration equal to a document, in document order. */
record ConfigurationPlan(List<ConfigurationChange> changes) {

    ConfigurationPlan {
        changes = List.copyOf(changes);
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    long count(ConfigurationChange.Action action) {
        return changes.stream().filter(change -> change.action() == action).count();
    }

    /** The revision summary, e.g. "Applied configuration: 2 added, 1 changed, 1 removed". */
    String summary() {
        return "Applied configuration: " + count(ConfigurationChange.Action.ADD) + " added, "
                + count(ConfigurationChange.Action.CHANGE) + " changed, " + count(ConfigurationChange.Action.REMOVE)
                + " removed";
    }
}
