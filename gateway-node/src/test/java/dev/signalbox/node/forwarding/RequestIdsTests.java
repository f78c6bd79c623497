package dev.signalbox.node.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RequestIdsTests {

    @Test
    void keepsShortIdsOfSafeCharacters() {
        assertThat(RequestIds.isSane("client-id-42")).isTrue();
        assertThat(RequestIds.isSane("Root=1-67891233-abcdef012345678912345678")).isTrue();
        assertThat(RequestIds.isSane("0f8fad5b-d9cb-469f-a165-70867728950e")).isTrue();
        assertThat(RequestIds.isSane("a".repeat(RequestIds.MAX_LENGTH))).isTrue();
    }

    @Test
    void rejectsMissingEmptyLongOrUnsafeIds() {
        assertThat(RequestIds.isSane(null)).isFalse();
        assertThat(RequestIds.isSane("")).isFalse();
        assertThat(RequestIds.isSane("a".repeat(RequestIds.MAX_LENGTH + 1))).isFalse();
        assertThat(RequestIds.isSane("id with spaces")).isFalse();
        assertThat(RequestIds.isSane("id\r\nX-Injected: 1")).isFalse();
        assertThat(RequestIds.isSane("<script>")).isFalse();
        assertThat(RequestIds.isSane("é")).isFalse();
    }

    @Test
    void makesDistinctIdsOf32HexDigits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RequestIds.random().toString();
            assertThat(id).matches("[0-9a-f]{32}");
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }
}
