package dev.signalbox.panel.loadbalancer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WildcardPatternsTests {

    @Test
    void matchesStarsAndQuestionMarks() {
        assertThat(WildcardPatterns.matches("/api/*", "/api/v1/users", false)).isTrue();
        assertThat(WildcardPatterns.matches("/api/*", "/apx/v1", false)).isFalse();
        assertThat(WildcardPatterns.matches("*.example.com", "WWW.example.COM", true)).isTrue();
        assertThat(WildcardPatterns.matches("/v?/x", "/v2/x", false)).isTrue();
        assertThat(WildcardPatterns.matches("/v?/x", "/v22/x", false)).isFalse();
        assertThat(WildcardPatterns.matches("a*b*c", "axxbyyc", false)).isTrue();
        assertThat(WildcardPatterns.matches("a*b*c", "axxbyy", false)).isFalse();
        assertThat(WildcardPatterns.matches("/Api", "/api", false)).as("paths are case-sensitive").isFalse();
    }

    @Test
    void coversOnlyWhenEveryValueOfTheSpecificPatternMatches() {
        assertThat(WildcardPatterns.covers("*", "/anything*", false)).isTrue();
        assertThat(WildcardPatterns.covers("/api/*", "/api/v1/*", false)).isTrue();
        assertThat(WildcardPatterns.covers("/api/*", "/api/v1", false)).isTrue();
        assertThat(WildcardPatterns.covers("/api/v1/*", "/api/*", false)).isFalse();
        assertThat(WildcardPatterns.covers("*.example.com", "shop.example.com", true)).isTrue();
        assertThat(WildcardPatterns.covers("*.example.com", "*.shop.example.com", true)).isTrue();
        assertThat(WildcardPatterns.covers("*.example.com", "*.example.org", true)).isFalse();
        assertThat(WildcardPatterns.covers("/a*b", "/ab*", false)).as("ab* may not end with b").isFalse();
        assertThat(WildcardPatterns.covers("/a*b", "/a?b", false)).isTrue();
        assertThat(WildcardPatterns.covers("/x", "/x?", false)).isFalse();
        assertThat(WildcardPatterns.covers("/a?c", "/a*c", false)).as("cannot tell cheaply: say no").isFalse();
    }
}
