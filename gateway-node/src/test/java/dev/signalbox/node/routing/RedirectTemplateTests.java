package dev.signalbox.node.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.RedirectSnapshot;

class RedirectTemplateTests {

    private static final RedirectTemplate.RequestParts REQUEST =
            new RedirectTemplate.RequestParts("HTTP", "shop.test", 8080, "/old/cart", "id=7");

    @Test
    void theDefaultsKeepEveryPartOfTheRequest() {
        var template = RedirectTemplate.compile(
                new RedirectSnapshot(301, "#{protocol}", "#{host}", "#{port}", "/#{path}", "#{query}"));

        assertThat(template.location(REQUEST)).isEqualTo("http://shop.test:8080/old/cart?id=7");
    }

    @Test
    void leavesOutTheDefaultPortAndAnEmptyQuery() {
        var template = RedirectTemplate.compile(new RedirectSnapshot(302, "HTTPS", "#{host}", "443", "/new/#{path}", ""));

        assertThat(template.location(REQUEST)).isEqualTo("https://shop.test/new/old/cart");
    }

    @Test
    void placeholdersMayBeMixedWithText() {
        var template = RedirectTemplate.compile(
                new RedirectSnapshot(301, "HTTP", "www.#{host}", "#{port}", "/v2/#{path}", "from=#{host}&#{query}"));

        assertThat(template.location(REQUEST))
                .isEqualTo("http://www.shop.test:8080/v2/old/cart?from=shop.test&id=7");
    }
}
