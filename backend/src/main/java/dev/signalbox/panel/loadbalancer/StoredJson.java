package dev.signalbox.panel.loadbalancer;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ConditionSnapshot;

/**
 * Columns that hold protocol records as JSON text: the stored shape is the published shape, so a
 * revision's snapshot is the configuration as stored.
 */
final class StoredJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .build();

    private StoredJson() {
    }

    @Converter
    static class ActionColumn implements AttributeConverter<ActionSnapshot, String> {

        @Override
        public String convertToDatabaseColumn(ActionSnapshot action) {
            return MAPPER.writeValueAsString(action);
        }

        @Override
        public ActionSnapshot convertToEntityAttribute(String json) {
            return MAPPER.readValue(json, ActionSnapshot.class);
        }
    }

    @Converter
    static class ConditionsColumn implements AttributeConverter<List<ConditionSnapshot>, String> {

        @Override
        public String convertToDatabaseColumn(List<ConditionSnapshot> conditions) {
            return MAPPER.writeValueAsString(conditions);
        }

        @Override
        public List<ConditionSnapshot> convertToEntityAttribute(String json) {
            return List.copyOf(MAPPER.readValue(json, new TypeReference<List<ConditionSnapshot>>() { }));
        }
    }

    @Converter
    static class UuidListColumn implements AttributeConverter<List<UUID>, String> {

        @Override
        public String convertToDatabaseColumn(List<UUID> ids) {
            return MAPPER.writeValueAsString(ids);
        }

        @Override
        public List<UUID> convertToEntityAttribute(String json) {
            return List.copyOf(MAPPER.readValue(json, new TypeReference<List<UUID>>() { }));
        }
    }
}
