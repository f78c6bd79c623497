package dev.signalbox.panel.revision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A structural diff of two JSON documents. Objects are compared member by member; arrays whose
 * elements all carry a unique {@code id} (or else {@code name}) are matched by it, so moving an
 * element is no change; other arrays are compared as sets of values. Pointers (RFC 6901) address
 * the value in the {@code to} document, or in the {@code from} document for removed values.
 */
final class JsonDiff {

    private static final List<String> IDENTITY_FIELDS = List.of("id", "name");

    enum Op { ADDED, REMOVED, CHANGED }

    record Change(Op op, String pointer, @Nullable JsonNode before, @Nullable JsonNode after) {
    }

    private JsonDiff() {
    }

    static List<Change> between(JsonNode from, JsonNode to) {
        List<Change> changes = new ArrayList<>();
        walk("", from, to, changes);
        return changes;
    }

    private static void walk(String pointer, JsonNode from, JsonNode to, List<Change> changes) {
        if (from.equals(to)) {
            return;
        }
        if (from.isObject() && to.isObject()) {
            for (String name : to.propertyNames()) {
                String at = pointer + "/" + escape(name);
                if (from.has(name)) {
                    walk(at, from.get(name), to.get(name), changes);
                } else {
                    changes.add(new Change(Op.ADDED, at, null, to.get(name)));
                }
            }
            for (String name : from.propertyNames()) {
                if (!to.has(name)) {
                    changes.add(new Change(Op.REMOVED, pointer + "/" + escape(name), from.get(name), null));
                }
            }
        } else if (from.isArray() && to.isArray()) {
            String identity = identityField(from, to);
            if (identity != null) {
                keyedArrays(pointer, from, to, identity, changes);
            } else {
                valueArrays(pointer, from, to, changes);
            }
        } else {
            changes.add(new Change(Op.CHANGED, pointer, from, to));
        }
    }

    private static void keyedArrays(String pointer, JsonNode from, JsonNode to, String identity, List<Change> changes) {
        Map<JsonNode, Integer> fromIndex = new HashMap<>();
        for (int i = 0; i < from.size(); i++) {
            fromIndex.put(from.get(i).get(identity), i);
        }
        Set<JsonNode> toKeys = new HashSet<>();
        for (int j = 0; j < to.size(); j++) {
            JsonNode element = to.get(j);
            toKeys.add(element.get(identity));
            Integer i = fromIndex.get(element.get(identity));
            if (i == null) {
                changes.add(new Change(Op.ADDED, pointer + "/" + j, null, element));
            } else {
                walk(pointer + "/" + j, from.get(i), element, changes);
            }
        }
        for (int i = 0; i < from.size(); i++) {
            if (!toKeys.contains(from.get(i).get(identity))) {
                changes.add(new Change(Op.REMOVED, pointer + "/" + i, from.get(i), null));
            }
        }
    }

    private static void valueArrays(String pointer, JsonNode from, JsonNode to, List<Change> changes) {
        Set<JsonNode> fromValues = new HashSet<>(from.values());
        Set<JsonNode> toValues = new HashSet<>(to.values());
        for (int j = 0; j < to.size(); j++) {
            if (!fromValues.contains(to.get(j))) {
                changes.add(new Change(Op.ADDED, pointer + "/" + j, null, to.get(j)));
            }
        }
        for (int i = 0; i < from.size(); i++) {
            if (!toValues.contains(from.get(i))) {
                changes.add(new Change(Op.REMOVED, pointer + "/" + i, from.get(i), null));
            }
        }
    }

    /** The field that identifies every element of both arrays uniquely, or null if there is none. */
    private static @Nullable String identityField(JsonNode from, JsonNode to) {
        if (from.isEmpty() && to.isEmpty()) {
            return null;
        }
        for (String field : IDENTITY_FIELDS) {
            if (uniquelyKeyed(from, field) && uniquelyKeyed(to, field)) {
                return field;
            }
        }
        return null;
    }

    private static boolean uniquelyKeyed(JsonNode array, String field) {
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode element : array) {
            JsonNode key = element.isObject() ? element.get(field) : null;
            if (key == null || !key.isValueNode() || key.isNull() || !seen.add(key)) {
                return false;
            }
        }
        return true;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
