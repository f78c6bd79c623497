package dev.signalbox.panel.conditional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.problem.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTests {

    record View(UUID id, String name, int port) {
    }

    private final EntityTag current = EntityTag.of(new View(new UUID(0, 1), "web", 80));

    @Test
    void aTagIsAStableDigestOfTheViewThatChangesWithAnyValue() {
        assertThat(EntityTag.of(new View(new UUID(0, 1), "web", 80))).isEqualTo(current);
        assertThat(EntityTag.of(new View(new UUID(0, 1), "web", 81))).isNotEqualTo(current);
        assertThat(EntityTag.of(new View(new UUID(0, 1), "api", 80))).isNotEqualTo(current);
        assertThat(current.header()).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(EntityTag.of(List.of(1, 2))).isNotEqualTo(EntityTag.of(List.of(2, 1)));
    }

    @Test
    void timesCountToTheMicrosecondAsTheDatabaseStoresThem() {
        Instant created = Instant.parse("2026-01-01T00:00:00.123456789Z");
        assertThat(EntityTag.of(List.of(created))).isEqualTo(EntityTag.of(List.of(Instant.parse("2026-01-01T00:00:00.123456Z"))))
                .isNotEqualTo(EntityTag.of(List.of(Instant.parse("2026-01-01T00:00:00.123457Z"))));
    }

    @Test
    void noHeaderOrAStarOrTheCurrentTagPasses() {
        assertThatCode(() -> IfMatch.parse(null).verify(current)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.parse(" * ").verify(current)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.parse(current.header()).verify(current)).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.parse("\"old\", " + current.header()).verify(current)).doesNotThrowAnyException();
        assertThat(IfMatch.parse(null).isPresent()).isFalse();
        assertThat(IfMatch.parse("*").isPresent()).isTrue();
    }

    @Test
    void anotherTagOrAWeakOneFailsThePrecondition() {
        assertThatThrownBy(() -> IfMatch.parse("\"old\"").verify(current)).isInstanceOf(PreconditionFailedException.class);
        // If-Match uses the strong comparison: a weak tag never matches
        assertThatThrownBy(() -> IfMatch.parse("W/" + current.header()).verify(current))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void aMalformedHeaderIsInvalid() {
        for (String malformed : List.of("abc", "\"open", "W/", "\"a\"\"b\"", "\"with space\"")) {
            assertThatThrownBy(() -> IfMatch.parse(malformed)).as(malformed).isInstanceOf(InvalidFieldException.class);
        }
    }
}
