package dev.signalbox.panel.telemetry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveStateKeysTests {

    @Test
    void appliedValuesRoundTrip() {
        assertThat(LiveStateKeys.parseApplied(LiveStateKeys.appliedValue(42, 1_700_000_000_000L)))
                .containsExactly(42, 1_700_000_000_000L);
    }

    @Test
    void garbageIsIgnoredRatherThanFailingTheApi() {
        assertThat(LiveStateKeys.parseApplied("nonsense")).isNull();
        assertThat(LiveStateKeys.parseApplied(":12")).isNull();
        assertThat(LiveStateKeys.parseApplied("1:x")).isNull();
    }
}
