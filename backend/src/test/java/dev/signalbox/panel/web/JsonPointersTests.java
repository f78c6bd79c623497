package dev.signalbox.panel.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonPointersTests {

    @Test
    void beanPropertyPathsBecomeJsonPointers() {
        assertThat(JsonPointers.fromPropertyPath("port")).isEqualTo("/port");
        assertThat(JsonPointers.fromPropertyPath("targets[0].host")).isEqualTo("/targets/0/host");
        assertThat(JsonPointers.fromPropertyPath("healthCheck.timeoutSeconds")).isEqualTo("/healthCheck/timeoutSeconds");
        assertThat(JsonPointers.fromPropertyPath("")).isEmpty();
    }
}
