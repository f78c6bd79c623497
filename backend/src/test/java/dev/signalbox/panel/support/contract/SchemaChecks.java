package dev.signalbox.panel.support.contract;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;

import tools.jackson.databind.JsonNode;

/**
 * Validates values against schemas of openapi.yaml in place (by JSON pointer), with the OpenAPI 3.0
 * dialect: {@code nullable}, formats such as uuid and date-time asserted, {@code $ref}s followed.
 */
final class SchemaChecks {

    /** The spec's address inside the validator only; nothing is fetched from it. */
    private static final String DOCUMENT = "https://signalbox.test/openapi.yaml";

    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    SchemaChecks(OpenApiContract contract) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true).build();
        Dialect openApi30 = Dialect.builder(Dialects.getOpenApi30()).format(new MailboxFormat()).build();
        registry = SchemaRegistry.withDefaultDialect(openApi30,
                builder -> builder.schemas(Map.of(DOCUMENT, contract.text())).schemaRegistryConfig(config));
    }

    /** Violations of a body by the schema at {@code schemaPointer}, each named {@code where} + the JSON pointer. */
    List<ContractViolation> validate(String schemaPointer, JsonNode value, String where) {
        return validate(schemaPointer, value, where, true);
    }

    /** Violations of a single value (a parameter), each named {@code where}. */
    List<ContractViolation> validateValue(String schemaPointer, JsonNode value, String where) {
        return validate(schemaPointer, value, where, false);
    }

    private List<ContractViolation> validate(String schemaPointer, JsonNode value, String where, boolean pointInto) {
        Schema schema = schemas.computeIfAbsent(schemaPointer,
                pointer -> registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer)));
        return schema.validate(value).stream()
                .map(error -> new ContractViolation(
                        pointInto ? where + " " + pointerOf(error.getInstanceLocation().toString()) : where,
                        error.getMessage() + " (" + error.getSchemaLocation().toString().replace(DOCUMENT, "") + ")"))
                .toList();
    }

    private static String pointerOf(String location) {
        return location.isEmpty() ? "/" : location;
    }
}
