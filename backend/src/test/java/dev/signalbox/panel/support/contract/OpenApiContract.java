package dev.signalbox.panel.support.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * openapi.yaml as a tree, read at test time: finds the operation of a request and follows
 * {@code $ref}s, keeping the JSON pointer of every node so schemas can be validated in place.
 */
public final class OpenApiContract {

    /** The contract every test checks against, read from the repository root (the backend's parent directory). */
    public static final Path SPEC_FILE = Path.of("../openapi.yaml");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final String text;
    private final JsonNode document;
    private final List<Operation> operations;

    /** A node of the document and where it is (a JSON pointer). */
    public record Located(JsonNode node, String pointer) {

        public Located at(String... names) {
            JsonNode current = node;
            StringBuilder at = new StringBuilder(pointer);
            for (String name : names) {
                current = current.isArray() ? current.path(Integer.parseInt(name)) : current.path(name);
                at.append('/').append(escape(name));
            }
            return new Located(current, at.toString());
        }
    }

    /** One operation: its id, method, full path template (with the server prefix) and its node. */
    public record Operation(String id, String method, String pathTemplate, Located node, List<Located> parameters) {

        /** Path segments of the template; {@code {name}} marks a parameter. */
        List<String> segments() {
            return List.of(pathTemplate.substring(1).split("/"));
        }

        public List<String> pathParameterNames() {
            return segments().stream().filter(s -> s.startsWith("{")).map(s -> s.substring(1, s.length() - 1)).toList();
        }

        public boolean hasRequestBody() {
            return !node.node().path("requestBody").isMissingNode();
        }
    }

    /** An operation matched to a concrete request path, with the values of its path parameters. */
    public record Match(Operation operation, Map<String, String> pathValues) {
    }

    private OpenApiContract(String text, JsonNode document) {
        this.text = text;
        this.document = document;
        this.operations = readOperations();
    }

    public static OpenApiContract load(Path file) {
        try {
            String text = Files.readString(file);
            return new OpenApiContract(text, YAMLMapper.builder().build().readTree(text));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** The document's text, for the schema validator (which resolves $refs within it). */
    String text() {
        return text;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The path prefix of every operation ({@code servers[0].url}). */
    public String prefix() {
        return document.path("servers").path(0).path("url").asString("");
    }

    /** Operations whose path template matches {@code path} (any method), most literal segments first. */
    public List<Match> matchPath(String path) {
        List<Match> matches = new ArrayList<>();
        for (Operation operation : operations) {
            pathValues(operation, path).ifPresent(values -> matches.add(new Match(operation, values)));
        }
        matches.sort(Comparator.comparingInt(match -> match.pathValues().size()));
        return matches;
    }

    /** The operation a request is for, if the spec has one. */
    public Optional<Match> find(String method, String path) {
        List<Match> onPath = matchPath(path);
        if (onPath.isEmpty()) {
            return Optional.empty();
        }
        // the most literal template owns the path (/invitations/accept beats /invitations/{invitationId})
        String template = onPath.get(0).operation().pathTemplate();
        return onPath.stream().filter(m -> m.operation().pathTemplate().equals(template))
                .filter(m -> m.operation().method().equalsIgnoreCase(method)).findFirst();
    }

    /** Follows {@code $ref}s (local ones only, which is all the spec uses). */
    public Located follow(Located located) {
        Located current = located;
        for (int hops = 0; hops < 10 && current.node().has("$ref"); hops++) {
            String ref = current.node().path("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("Only local $refs are supported: " + ref);
            }
            String pointer = ref.substring(1);
            current = new Located(document.at(pointer), pointer);
        }
        return current;
    }

    /** A node by its JSON pointer. */
    public Located at(String pointer) {
        return new Located(document.at(pointer), pointer);
    }

    private static Optional<Map<String, String>> pathValues(Operation operation, String path) {
        String[] actual = path.substring(1).split("/", -1);
        List<String> template = operation.segments();
        if (actual.length != template.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < actual.length; i++) {
            String segment = template.get(i);
            if (segment.startsWith("{")) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                values.put(segment.substring(1, segment.length() - 1), actual[i]);
            } else if (!segment.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    private List<Operation> readOperations() {
        List<Operation> found = new ArrayList<>();
        Located paths = new Located(document, "").at("paths");
        for (String path : paths.node().propertyNames()) {
            Located item = paths.at(path);
            for (String method : item.node().propertyNames()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                Located operation = item.at(method);
                List<Located> parameters = new ArrayList<>();
                collectParameters(item.at("parameters"), parameters);
                collectParameters(operation.at("parameters"), parameters);
                found.add(new Operation(operation.node().path("operationId").asString(),
                        method.toUpperCase(Locale.ROOT), prefix() + path, operation, List.copyOf(parameters)));
            }
        }
        return List.copyOf(found);
    }

    private void collectParameters(Located list, List<Located> into) {
        for (int i = 0; i < list.node().size(); i++) {
            into.add(follow(list.at(String.valueOf(i))));
        }
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
