package dev.signalbox.panel.certificate;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A list of names stored as a JSON array in a text column. */
@Converter
class NameListColumn implements AttributeConverter<List<String>, String> {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(List<String> names) {
        return MAPPER.writeValueAsString(names);
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        return List.copyOf(MAPPER.readValue(json, new TypeReference<List<String>>() { }));
    }
}
