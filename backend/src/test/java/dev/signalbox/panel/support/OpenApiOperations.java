package dev.signalbox.panel.support;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/** The operations of {@code openapi.yaml}, read from the contract itself so none can be forgotten. */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final Map<String, Object> spec;

    /**
     * @param mediaTypes      the request body's media types, none without a body
     * @param queryParameters names of the query parameters
     * @param headers         names of the request header parameters
     */
    public record Operation(String id, String method, String path, @Nullable Map<String, Object> requestSchema,
            List<String> mediaTypes, List<String> queryParameters, List<String> headers) {
    }

    private OpenApiOperations(Map<String, Object> spec) {
        this.spec = spec;
    }

    public static OpenApiOperations load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new OpenApiOperations(new Yaml().load(reader));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    public List<Operation> operations() {
        String prefix = (String) ((List<Map<String, Object>>) spec.get("servers")).get(0).get("url");
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (METHODS.contains(method)) {
                Map<String, Object> operation = (Map<String, Object>) value;
                Map<String, Object> schema = null;
                List<String> mediaTypes = List.of();
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                if (body != null) {
                    Map<String, Object> content = (Map<String, Object>) body.get("content");
                    mediaTypes = List.copyOf(content.keySet());
                    schema = resolve((Map<String, Object>) ((Map<String, Object>) content.get("application/json"))
                            .get("schema"));
                }
                List<Map<String, Object>> parameters = ((List<Map<String, Object>>) operation.getOrDefault("parameters",
                        List.of())).stream().map(this::resolveParameter).toList();
                operations.add(new Operation((String) operation.get("operationId"), method.toUpperCase(Locale.ROOT),
                        prefix + path, schema, mediaTypes, namesIn(parameters, "query"), namesIn(parameters, "header")));
            }
        }));
        return operations;
    }

    /** The schema type of a path parameter: {@code uuid} or {@code integer}. */
    @SuppressWarnings("unchecked")
    public String pathParameterType(String name) {
        Map<String, Map<String, Object>> parameters = (Map<String, Map<String, Object>>) ((Map<String, Object>) spec
                .get("components")).get("parameters");
        return parameters.values().stream()
                .filter(p -> "path".equals(p.get("in")) && name.equals(p.get("name")))
                .map(p -> (Map<String, Object>) p.get("schema"))
                .map(schema -> String.valueOf(schema.getOrDefault("format", schema.get("type"))))
                .findFirst().orElseThrow(() -> new IllegalStateException("No path parameter " + name));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolveParameter(Map<String, Object> parameter) {
        Object ref = parameter.get("$ref");
        if (ref == null) {
            return parameter;
        }
        String name = ((String) ref).substring("#/components/parameters/".length());
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("components"))
                .get("parameters")).get(name);
    }

    private static List<String> namesIn(List<Map<String, Object>> parameters, String in) {
        return parameters.stream().filter(p -> in.equals(p.get("in"))).map(p -> (String) p.get("name")).toList();
    }

    /** Follows a {@code $ref} to its schema; returns other schemas as they are. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ((String) ref).substring("#/components/schemas/".length());
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("components"))
                .get("schemas")).get(name);
    }
}
