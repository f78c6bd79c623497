package dev.signalbox.panel.jsondiff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A structural diff of two JSON documents. Objects are compared member by member; arrays whose
 * elements all carry a unique {@code id} (or else {@code name}) are matched by it, so moving an
 * element is no change; how other arrays compare is the caller's choice ({@link UnkeyedArrays}).
 * A missing document counts as an empty object. The order is stable: the members and elements of
 * the {@code to} document in its order, then what only the {@code from} document has.
 */
public final class JsonTreeDiff {

    private static final List<String> IDENTITY_FIELDS = List.of("id", "name");

    public enum Op { ADDED, REMOVED, CHANGED }

    /** How arrays whose elements have no identity compare. */
    public enum UnkeyedArrays {
        /** As sets of values: each value only one side has is one added or removed element. */
        AS_SETS,
        /** As whole values: any difference is one change of the whole array. */
        AS_WHOLE_VALUES
    }

    /**
     * One difference. {@code pointer} (RFC 6901) addresses the value in the {@code to} document, or
     * in the {@code from} document for a removed value; {@code keyPointer} is the same path with the
     * elements of keyed arrays named by their key instead of their position, which stays meaningful
     * without either document at hand (e.g. in a log).
     */
    public record Change(Op op, String pointer, String keyPointer, @Nullable JsonNode before,
            @Nullable JsonNode after) {
    }

    private JsonTreeDiff() {
    }

    public static List<Change> between(@Nullable JsonNode from, @Nullable JsonNode to, UnkeyedArrays unkeyed) {
        List<Change> changes = new ArrayList<>();
        new Walk(unkeyed, changes).compare(new Path("", ""), orEmpty(from), orEmpty(to));
        return changes;
    }

    private static JsonNode orEmpty(@Nullable JsonNode document) {
        return document == null ? JsonNodeFactory.instance.objectNode() : document;
    }

    /** Where a value is: by position, and by key where its arrays are keyed. */
    private record Path(String pointer, String keyPointer) {

        Path member(String name) {
            return new Path(pointer + "/" + escape(name), keyPointer + "/" + escape(name));
        }

        Path element(int position, @Nullable JsonNode key) {
            String keyToken = key == null ? Integer.toString(position) : escape(key.asString());
            return new Path(pointer + "/" + position, keyPointer + "/" + keyToken);
        }
    }

    private record Walk(UnkeyedArrays unkeyed, List<Change> changes) {

        void compare(Path path, JsonNode from, JsonNode to) {
            if (from.equals(to)) {
                return;
            }
            if (from.isObject() && to.isObject()) {
                for (String name : to.propertyNames()) {
                    if (from.has(name)) {
                        compare(path.member(name), from.get(name), to.get(name));
                    } else {
                        add(Op.ADDED, path.member(name), null, to.get(name));
                    }
                }
                for (String name : from.propertyNames()) {
                    if (!to.has(name)) {
                        add(Op.REMOVED, path.member(name), from.get(name), null);
                    }
                }
            } else if (from.isArray() && to.isArray()) {
                arrays(path, from, to);
            } else {
                add(Op.CHANGED, path, from, to);
            }
        }

        private void arrays(Path path, JsonNode from, JsonNode to) {
            String identity = identityField(from, to);
            if (identity != null) {
                keyedArrays(path, from, to, identity);
            } else if (unkeyed == UnkeyedArrays.AS_SETS) {
                valueArrays(path, from, to);
            } else {
                add(Op.CHANGED, path, from, to);
            }
        }

        private void keyedArrays(Path path, JsonNode from, JsonNode to, String identity) {
            Map<JsonNode, Integer> fromIndex = new HashMap<>();
            for (int i = 0; i < from.size(); i++) {
                fromIndex.put(from.get(i).get(identity), i);
            }
            Set<JsonNode> toKeys = new HashSet<>();
            for (int j = 0; j < to.size(); j++) {
                JsonNode element = to.get(j);
                JsonNode key = element.get(identity);
                toKeys.add(key);
                Integer i = fromIndex.get(key);
                if (i == null) {
                    add(Op.ADDED, path.element(j, key), null, element);
                } else {
                    compare(path.element(j, key), from.get(i), element);
                }
            }
            for (int i = 0; i < from.size(); i++) {
                JsonNode key = from.get(i).get(identity);
                if (!toKeys.contains(key)) {
                    add(Op.REMOVED, path.element(i, key), from.get(i), null);
                }
            }
        }

        private void valueArrays(Path path, JsonNode from, JsonNode to) {
            Set<JsonNode> fromValues = new HashSet<>(from.values());
            Set<JsonNode> toValues = new HashSet<>(to.values());
            for (int j = 0; j < to.size(); j++) {
                if (!fromValues.contains(to.get(j))) {
                    add(Op.ADDED, path.element(j, null), null, to.get(j));
                }
            }
            for (int i = 0; i < from.size(); i++) {
                if (!toValues.contains(from.get(i))) {
                    add(Op.REMOVED, path.element(i, null), from.get(i), null);
                }
            }
        }

        private void add(Op op, Path path, @Nullable JsonNode before, @Nullable JsonNode after) {
            changes.add(new Change(op, path.pointer(), path.keyPointer(), before, after));
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
