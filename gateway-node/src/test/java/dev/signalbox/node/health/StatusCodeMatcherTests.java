package dev.signalbox.node.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatusCodeMatcherTests {

    @Test
    void matchesASingleCode() {
        StatusCodeMatcher matcher = StatusCodeMatcher.parse("200");

        assertThat(matcher.matches(200)).isTrue();
        assertThat(matcher.matches(201)).isFalse();
    }

    @Test
    void matchesARangeInclusively() {
        StatusCodeMatcher matcher = StatusCodeMatcher.parse("200-299");

        assertThat(matcher.matches(199)).isFalse();
        assertThat(matcher.matches(200)).isTrue();
        assertThat(matcher.matches(299)).isTrue();
        assertThat(matcher.matches(300)).isFalse();
    }

    @Test
    void matchesAListOfCodesAndRanges() {
        StatusCodeMatcher matcher = StatusCodeMatcher.parse("200, 302,400-404");

        assertThat(matcher.matches(200)).isTrue();
        assertThat(matcher.matches(302)).isTrue();
        assertThat(matcher.matches(301)).isFalse();
        assertThat(matcher.matches(404)).isTrue();
        assertThat(matcher.matches(405)).isFalse();
    }

    @Test
    void aBlankMatcherAcceptsOnly200() {
        StatusCodeMatcher matcher = StatusCodeMatcher.parse(" ");

        assertThat(matcher.matches(200)).isTrue();
        assertThat(matcher.matches(204)).isFalse();
    }

    @Test
    void rejectsWhatIsNotAStatus() {
        assertThatThrownBy(() -> StatusCodeMatcher.parse("2xx")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusCodeMatcher.parse("700")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusCodeMatcher.parse("299-200")).isInstanceOf(IllegalArgumentException.class);
    }
}
