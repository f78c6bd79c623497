package dev.signalbox.node.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class StickinessTokensTests {

    private static final long NOW = 1_800_000_000L;

    private final StickinessTokens tokens = new StickinessTokens("fleet-secret".getBytes(StandardCharsets.UTF_8));
    private final UUID scope = UUID.randomUUID();
    private final UUID id = UUID.randomUUID();

    @Test
    void aValueNamesItsIdInItsScopeUntilItEnds() {
        String value = tokens.issue(scope, id, NOW + 60);

        assertThat(value).hasSize(StickinessTokens.TOKEN_CHARS).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.verify(scope, value, NOW)).isEqualTo(id);
        assertThat(tokens.verify(scope, value, NOW + 59)).isEqualTo(id);
        assertThat(tokens.verify(scope, value, NOW + 60)).as("over").isNull();
    }

    @Test
    void aValueHoldsNeitherInAnotherScopeNorUnderAnotherSecret() {
        String value = tokens.issue(scope, id, NOW + 60);

        assertThat(tokens.verify(UUID.randomUUID(), value, NOW)).isNull();
        assertThat(new StickinessTokens("another-secret".getBytes(StandardCharsets.UTF_8)).verify(scope, value, NOW))
                .isNull();
        assertThat(new StickinessTokens("fleet-secret".getBytes(StandardCharsets.UTF_8)).verify(scope, value, NOW))
                .as("the same secret on another node").isEqualTo(id);
    }

    @Test
    void aValueTellsNothingOfTheIdInTheClear() {
        String value = tokens.issue(scope, id, NOW + 60);

        assertThat(value).doesNotContain(id.toString()).doesNotContain(id.toString().replace("-", ""));
    }

    @Test
    void everyChangedCharacterIsRejected() {
        String value = tokens.issue(scope, id, NOW + 60);

        for (int i = 0; i < value.length(); i++) {
            char replacement = value.charAt(i) == 'A' ? 'B' : 'A';
            String forged = value.substring(0, i) + replacement + value.substring(i + 1);
            assertThat(tokens.verify(scope, forged, NOW)).as("character %d changed", i).isNull();
        }
    }

    @Test
    void malformedValuesAreRejected() {
        assertThat(tokens.verify(scope, null, NOW)).isNull();
        assertThat(tokens.verify(scope, "", NOW)).isNull();
        assertThat(tokens.verify(scope, id.toString(), NOW)).isNull();
        assertThat(tokens.verify(scope, "!".repeat(StickinessTokens.TOKEN_CHARS), NOW)).isNull();
        assertThat(tokens.verify(scope, "_".repeat(StickinessTokens.TOKEN_CHARS), NOW)).isNull();
    }
}
