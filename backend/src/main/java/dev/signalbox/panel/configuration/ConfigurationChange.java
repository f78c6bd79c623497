package dev.signalbox.panel.configuration;

import org.jspecify.annotations.Nullable;

/**
 * One change a plan makes.
 *
 * @param pointer   where the thing is: in the document (add, change) or in the current configuration (remove)
 * @param key       the thing's key: a port, {@code port/priority}, a group name, {@code name/host:port}, the load
 *                  balancer's name
 * @param parentKey the key of the listener or target group a rule or target belongs to, else null
 * @param before    the thing as it is (a {@link LoadBalancerConfiguration} entry), null for an add
 * @param after     the thing as the document has it, null for a remove
 */
record ConfigurationChange(Action action, Kind kind, String pointer, String key, @Nullable String parentKey,
        @Nullable Object before, @Nullable Object after) {

    enum Action {
        ADD, CHANGE, REMOVE
    }

    enum Kind {
        LOAD_BALANCER, LISTENER, RULE, TARGET_GROUP, TARGET
    }

    static ConfigurationChange add(Kind kind, String pointer, String key, @Nullable String parentKey, Object after) {
        return new ConfigurationChange(Action.ADD, kind, pointer, key, parentKey, null, after);
    }

    static ConfigurationChange change(Kind kind, String pointer, String key, @Nullable String parentKey, Object before,
            Object after) {
        return new ConfigurationChange(Action.CHANGE, kind, pointer, key, parentKey, before, after);
    }

    static ConfigurationChange remove(Kind kind, String pointer, String key, @Nullable String parentKey,
            Object before) {
        return new ConfigurationChange(Action.REMOVE, kind, pointer, key, parentKey, before, null);
    }
}
