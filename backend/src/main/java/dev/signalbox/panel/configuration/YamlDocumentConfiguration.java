package dev.signalbox.panel.configuration;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.yaml.JacksonYamlHttpMessageConverter;

import dev.signalbox.panel.api.model.LoadBalancerDocument;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and writes {@code application/yaml} bodies (configuration documents), as strictly as JSON
 * bodies are read: unknown fields, duplicate keys and scalars of the wrong type are errors. Written
 * documents leave out absent values.
 */
@Configuration(proxyBeanMethods = false)
class YamlDocumentConfiguration {

    @Bean
    JacksonYamlHttpMessageConverter yamlMessageConverter() {
        return new DocumentYamlConverter(YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build());
    }

    /**
     * YAML for configuration documents only: every other body (problems included) stays JSON, even
     * for a client that accepts anything.
     */
    private static final class DocumentYamlConverter extends JacksonYamlHttpMessageConverter {

        DocumentYamlConverter(YAMLMapper mapper) {
            super(mapper);
        }

        @Override
        public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
            return LoadBalancerDocument.class == type.toClass() && super.canRead(type, mediaType);
        }

        @Override
        public boolean canWrite(ResolvableType type, Class<?> valueClass, @Nullable MediaType mediaType) {
            return LoadBalancerDocument.class == valueClass && super.canWrite(type, valueClass, mediaType);
        }
    }
}
