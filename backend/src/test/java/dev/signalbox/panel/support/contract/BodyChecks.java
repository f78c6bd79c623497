package dev.signalbox.panel.support.contract;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.signalbox.panel.support.contract.OpenApiContract.Located;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Media types and bodies: which declared media type a Content-Type is, and whether a body fits its schema. */
final class BodyChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final SchemaChecks schemas;

    BodyChecks(SchemaChecks schemas) {
        this.schemas = schemas;
    }

    /** The key of {@code content} that {@code mediaType} falls under: exact, {@code type/*} or {@code *}{@code /*}. */
    static Optional<String> declaredMediaType(Collection<String> declared, String mediaType) {
        if (declared.contains(mediaType)) {
            return Optional.of(mediaType);
        }
        int slash = mediaType.indexOf('/');
        String wildcard = slash < 0 ? "" : mediaType.substring(0, slash) + "/*";
        return declared.stream().filter(key -> key.equals(wildcard) || key.equals("*/*")).findFirst();
    }

    /** Parses {@code body} as its media type (JSON or YAML) and validates it against the media type's schema. */
    List<ContractViolation> validate(Located media, String mediaType, String body, String where) {
        JsonNode value;
        try {
            if (isJson(mediaType)) {
                value = JSON.readTree(body);
            } else if (mediaType.endsWith("yaml")) {
                value = YAML.readTree(body);
            } else {
                return List.of();
            }
        } catch (JacksonException e) {
            return List.of(new ContractViolation(where, "is not " + mediaType + ": " + e.getOriginalMessage()));
        }
        Located schema = media.at("schema");
        return schema.node().isMissingNode() ? List.of() : schemas.validate(schema.pointer(), value, where);
    }

    static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
