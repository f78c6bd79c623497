package dev.signalbox.node.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WildcardTests {

    @Test
    void starMatchesAnyRunIncludingNone() {
        Wildcard api = Wildcard.caseSensitive("/api/*");

        assertThat(api.matches("/api/")).isTrue();
        assertThat(api.matches("/api/orders/42")).isTrue();
        assertThat(api.matches("/api")).isFalse();
        assertThat(api.matches("/apix/orders")).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        Wildcard version = Wildcard.caseSensitive("/v?/items");

        assertThat(version.matches("/v1/items")).isTrue();
        assertThat(version.matches("/v/items")).isFalse();
        assertThat(version.matches("/v12/items")).isFalse();
    }

    @Test
    void backtracksWhenAStarMustSwallowMoreThanItsFirstChoice() {
        Wildcard pattern = Wildcard.caseSensitive("*a*b?c");

        assertThat(pattern.matches("xxaybab_c")).isTrue();
        assertThat(pattern.matches("xxaybabc")).isFalse();
        assertThat(Wildcard.caseSensitive("**").matches("")).isTrue();
        assertThat(Wildcard.caseSensitive("").matches("x")).isFalse();
    }

    @Test
    void caseSensitivityIsChosenAtCompileTime() {
        assertThat(Wildcard.caseSensitive("/Docs/*").matches("/docs/a")).isFalse();
        assertThat(Wildcard.ignoringCase("*.Example.COM").matches("www.example.com")).isTrue();
        assertThat(Wildcard.ignoringCase("*.example.com").matches("WWW.EXAMPLE.COM")).isTrue();
        assertThat(Wildcard.ignoringCase("*.example.com").matches("example.com")).isFalse();
    }
}
