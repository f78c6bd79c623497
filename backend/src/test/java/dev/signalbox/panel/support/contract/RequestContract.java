package dev.signalbox.panel.support.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.signalbox.panel.support.contract.OpenApiContract.Located;
import dev.signalbox.panel.support.contract.OpenApiContract.Match;
import dev.signalbox.panel.support.contract.OpenApiContract.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Checks a request against its operation: path, query and header parameters, Content-Type and body. */
final class RequestContract {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OpenApiContract contract;
    private final SchemaChecks schemas;
    private final BodyChecks bodies;

    RequestContract(OpenApiContract contract, SchemaChecks schemas, BodyChecks bodies) {
        this.contract = contract;
        this.schemas = schemas;
        this.bodies = bodies;
    }

    List<ContractViolation> check(Match match, Exchange exchange) {
        Operation operation = match.operation();
        List<ContractViolation> violations = new ArrayList<>();
        Map<String, List<String>> query = parseQuery(exchange.query());
        Map<String, String> undeclaredPath = new LinkedHashMap<>(match.pathValues());
        for (Located parameter : operation.parameters()) {
            String name = parameter.node().path("name").asString("");
            String in = parameter.node().path("in").asString("");
            List<String> values = switch (in) {
                case "path" -> Optional.ofNullable(undeclaredPath.remove(name)).map(RequestContract::decode).stream().toList();
                case "query" -> Optional.ofNullable(query.remove(name)).orElse(List.of());
                case "header" -> exchange.requestHeader(name).stream().toList();
                default -> List.of();
            };
            String where = in + " parameter " + name;
            if (values.isEmpty()) {
                if (parameter.node().path("required").asBoolean(false)) {
                    violations.add(new ContractViolation(where, "is required but missing"));
                }
                continue;
            }
            Located schema = parameter.at("schema");
            violations.addAll(schemas.validateValue(schema.pointer(), coerce(values, contract.follow(schema).node()), where));
        }
        undeclaredPath.keySet().forEach(name -> violations.add(
                new ContractViolation("path parameter " + name, "is in the path of " + operation.id() + " but not declared")));
        query.keySet().forEach(name -> violations.add(
                new ContractViolation("query parameter " + name, "is not declared for " + operation.id())));
        violations.addAll(body(operation, exchange));
        return violations;
    }

    private List<ContractViolation> body(Operation operation, Exchange exchange) {
        String body = exchange.requestBody();
        boolean hasBody = body != null && !body.isEmpty();
        Located requestBody = contract.follow(operation.node().at("requestBody"));
        if (requestBody.node().isMissingNode()) {
            return hasBody ? List.of(new ContractViolation("request body", operation.id() + " takes no body")) : List.of();
        }
        if (!hasBody) {
            return requestBody.node().path("required").asBoolean(false)
                    ? List.of(new ContractViolation("request body", "is required but missing")) : List.of();
        }
        String mediaType = Exchange.mediaType(exchange.requestHeader("Content-Type").orElse(null));
        Located content = requestBody.at("content");
        Optional<String> declared = BodyChecks.declaredMediaType(content.node().propertyNames(), mediaType);
        if (declared.isEmpty()) {
            return List.of(new ContractViolation("request Content-Type",
                    "'" + mediaType + "' is not declared; declared: " + content.node().propertyNames()));
        }
        return bodies.validate(content.at(declared.get()), mediaType, body, "request body");
    }

    /** A parameter's text as the JSON value its schema describes, so type, format and range can be checked. */
    private static JsonNode coerce(List<String> values, JsonNode schema) {
        if ("array".equals(schema.path("type").asString(""))) {
            ArrayNode array = NODES.arrayNode();
            values.forEach(value -> array.add(coerce(value, schema.path("items").path("type").asString(""))));
            return array;
        }
        return coerce(values.get(0), schema.path("type").asString(""));
    }

    private static JsonNode coerce(String value, String type) {
        try {
            return switch (type) {
                case "integer" -> NODES.numberNode(new BigInteger(value));
                case "number" -> NODES.numberNode(new BigDecimal(value));
                case "boolean" -> value.equals("true") || value.equals("false") ? NODES.booleanNode(Boolean.parseBoolean(value))
                        : NODES.stringNode(value);
                default -> NODES.stringNode(value);
            };
        } catch (NumberFormatException e) {
            return NODES.stringNode(value);
        }
    }

    private static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
