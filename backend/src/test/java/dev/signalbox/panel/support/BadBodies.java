package dev.signalbox.panel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives invalid request bodies from a valid one and the request schema: for every property a
 * wrong type, values just outside the limits, a too long string, a broken pattern, an unknown enum
 * value, null for required fields, and so on, each naming the JSON pointer that must be reported.
 */
public final class BadBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OpenApiOperations spec;

    public BadBodies(OpenApiOperations spec) {
        this.spec = spec;
    }

    /** A body and the pointer the problem's {@code errors} must name (null: no field to name). */
    public record BadBody(String description, String body, @Nullable String pointer) {
    }

    public List<BadBody> derive(String validJson, Map<String, Object> schema) {
        ObjectNode valid = (ObjectNode) JSON.readTree(validJson);
        List<BadBody> bad = new ArrayList<>();
        ObjectNode unknown = valid.deepCopy();
        unknown.put("bogusField", 1);
        bad.add(new BadBody("unknown field", unknown.toString(), "/bogusField"));
        objectCases(valid, valid, "", schema, bad);
        return bad;
    }

    @SuppressWarnings("unchecked")
    private void objectCases(ObjectNode root, ObjectNode object, String pointer, Map<String, Object> schema,
            List<BadBody> bad) {
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        properties.forEach((name, propertySchema) -> {
            String at = pointer + "/" + name;
            Map<String, Object> property = spec.resolve((Map<String, Object>) propertySchema);
            if (required.contains(name)) {
                bad.add(replaced(root, at, null, "missing " + at));
                bad.add(replaced(root, at, NODES.nullNode(), "null " + at));
            }
            valueCases(root, at, property, object.get(name), bad);
        });
    }

    @SuppressWarnings("unchecked")
    private void valueCases(ObjectNode root, String at, Map<String, Object> property, @Nullable JsonNode current,
            List<BadBody> bad) {
        String type = String.valueOf(property.getOrDefault("type", property.containsKey("properties") ? "object" : ""));
        switch (type) {
            case "integer" -> {
                bad.add(replaced(root, at, NODES.stringNode("12"), "number as string " + at));
                bad.add(replaced(root, at, NODES.numberNode(1.5), "fraction " + at));
                bad.add(replaced(root, at, NODES.numberNode(new java.math.BigInteger("99999999999999999999999")),
                        "huge number " + at));
                if (property.get("minimum") instanceof Number min) {
                    bad.add(replaced(root, at, NODES.numberNode(min.longValue() - 1), "below minimum " + at));
                }
                if (property.get("maximum") instanceof Number max) {
                    bad.add(replaced(root, at, NODES.numberNode(max.longValue() + 1), "above maximum " + at));
                }
            }
            case "string" -> {
                bad.add(replaced(root, at, NODES.numberNode(123), "number for string " + at));
                bad.add(replaced(root, at, NODES.objectNode(), "object for string " + at));
                bad.add(replaced(root, at, NODES.stringNode("a".repeat(100_000)), "huge string " + at));
                if (property.get("maxLength") instanceof Number max) {
                    bad.add(replaced(root, at, NODES.stringNode("a".repeat(max.intValue() + 1)), "too long " + at));
                }
                if (property.containsKey("pattern") || property.containsKey("enum") || "uuid".equals(property.get("format"))
                        || "email".equals(property.get("format"))) {
                    bad.add(replaced(root, at, NODES.stringNode("NOT valid !!"), "invalid format " + at));
                }
                if (property.get("minLength") instanceof Number min && min.intValue() > 0) {
                    bad.add(replaced(root, at, NODES.stringNode(""), "empty " + at));
                }
            }
            case "boolean" -> {
                bad.add(replaced(root, at, NODES.stringNode("true"), "string for boolean " + at));
                bad.add(replaced(root, at, NODES.numberNode(1), "number for boolean " + at));
            }
            case "array" -> {
                bad.add(replaced(root, at, NODES.stringNode("x"), "string for array " + at));
                bad.add(replaced(root, at, NODES.arrayNode().add(NODES.nullNode()), "null element " + at));
                if (property.get("minItems") instanceof Number min && min.intValue() > 0) {
                    bad.add(replaced(root, at, NODES.arrayNode(), "too few items " + at));
                }
                if (property.get("maxItems") instanceof Number max && current instanceof ArrayNode array && !array.isEmpty()) {
                    ArrayNode many = NODES.arrayNode();
                    for (int i = 0; i <= max.intValue(); i++) {
                        many.add(array.get(0).deepCopy());
                    }
                    bad.add(replaced(root, at, many, "too many items " + at));
                }
                Map<String, Object> items = spec.resolve((Map<String, Object>) property.get("items"));
                if (current instanceof ArrayNode array && !array.isEmpty()) {
                    valueCases(root, at + "/0", items, array.get(0), bad);
                }
            }
            case "object" -> {
                bad.add(replaced(root, at, NODES.stringNode("x"), "string for object " + at));
                bad.add(replaced(root, at, NODES.arrayNode(), "array for object " + at));
                if (current instanceof ObjectNode object) {
                    objectCases(root, object, at, property, bad);
                }
            }
            default -> throw new IllegalStateException("No bad values for type '" + type + "' at " + at);
        }
    }

    /** A copy of {@code root} with the value at {@code pointer} replaced (or removed when null). */
    private static BadBody replaced(ObjectNode root, String pointer, @Nullable JsonNode value, String description) {
        ObjectNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = pointer.substring(0, slash).isEmpty() ? copy : copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(last);
            } else {
                object.set(last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value == null ? NODES.nullNode() : value);
        }
        return new BadBody(description, copy.toString(), pointer);
    }
}
