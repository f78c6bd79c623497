package dev.signalbox.panel.audit;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonDiffTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<String> describe(String before, String after) {
        JsonNode b = before == null ? null : JSON.readTree(before);
        JsonNode a = after == null ? null : JSON.readTree(after);
        return JsonDiff.between(b, a).stream()
                .map(c -> c.pointer() + ": " + c.before() + " -> " + c.after())
                .toList();
    }

    @Test
    void elementsWithIdsAreComparedByIdSoAnInsertionIsOneChange() {
        assertThat(describe("""
                {"name":"lb","targets":[{"id":"a","weight":1},{"id":"c","weight":1}]}""", """
                {"name":"lb","targets":[{"id":"a","weight":5},{"id":"b","weight":1},{"id":"c","weight":1}]}"""))
                .containsExactly("/targets/a/weight: 1 -> 5", "/targets/b: null -> {\"id\":\"b\",\"weight\":1}");
    }

    @Test
    void otherArraysAndScalarsAreReplacedWholeAndPointersAreEscaped() {
        assertThat(describe("""
                {"hostNames":["a","b"],"a/b~c":1,"same":true}""", """
                {"hostNames":["b"],"a/b~c":2,"same":true}"""))
                .containsExactly("/hostNames: [\"a\",\"b\"] -> [\"b\"]", "/a~1b~0c: 1 -> 2");
    }

    @Test
    void aMissingDocumentIsEmptySoCreationAndDeletionListEveryField() {
        assertThat(describe(null, "{\"role\":\"ADMIN\"}")).containsExactly("/role: null -> \"ADMIN\"");
        assertThat(describe("{\"role\":\"ADMIN\"}", null)).containsExactly("/role: \"ADMIN\" -> null");
        assertThat(describe("{\"x\":1}", "{\"x\":1}")).isEmpty();
    }
}
