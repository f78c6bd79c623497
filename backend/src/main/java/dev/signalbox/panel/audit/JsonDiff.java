package dev.signalbox.panel.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The changed values between two JSON documents, each named by a JSON pointer. Arrays whose
 * elements all carry an {@code id} are compared element by element by that id (so inserting a
 * target does not look like every later target changed); other arrays are compared as a whole.
 */
final class JsonDiff {

    /** A changed value; a null side means the value did not exist there. */
    record Change(String pointer, @Nullable JsonNode before, @Nullable JsonNode after) {
    }

    private JsonDiff() {
    }

    /** The changes from {@code before} to {@code after}; a missing document counts as an empty object. */
    static List<Change> between(@Nullable JsonNode before, @Nullable JsonNode after) {
        List<Change> changes = new ArrayList<>();
        walk("", before == null ? JsonNodeFactory.instance.objectNode() : before,
                after == null ? JsonNodeFactory.instance.objectNode() : after, changes);
        return changes;
    }

    private static void walk(String pointer, @Nullable JsonNode before, @Nullable JsonNode after, List<Change> out) {
        if (before == null && after == null || before != null && before.equals(after)) {
            return;
        }
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>(before.propertyNames());
            names.addAll(after.propertyNames());
            for (String name : names) {
                walk(pointer + "/" + escape(name), before.get(name), after.get(name), out);
            }
        } else if (before != null && after != null && keyedById(before) && keyedById(after)) {
            Map<String, JsonNode> old = byId(before);
            Map<String, JsonNode> now = byId(after);
            Set<String> ids = new LinkedHashSet<>(old.keySet());
            ids.addAll(now.keySet());
            for (String id : ids) {
                walk(pointer + "/" + escape(id), old.get(id), now.get(id), out);
            }
        } else {
            out.add(new Change(pointer, before, after));
        }
    }

    private static boolean keyedById(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isObject() || !element.path("id").isString()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        Map<String, JsonNode> elements = new LinkedHashMap<>();
        array.forEach(element -> elements.put(element.path("id").asString(), element));
        return elements;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
