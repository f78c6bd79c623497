package dev.signalbox.node.routing;

import static dev.signalbox.node.TestSnapshots.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class TargetRequestUrlFilterTests {

    @Test
    void keepsPathAndQueryAndReplacesSchemeHostAndPort() {
        URI url = TargetRequestUrlFilter.targetUrl(URI.create("http://shop.test:8000/cart/items?page=2&sort=asc"),
                target("10.0.0.7", 8080));

        assertThat(url).hasToString("http://10.0.0.7:8080/cart/items?page=2&sort=asc");
    }

    @Test
    void keepsEncodedCharactersAsTheClientSentThem() {
        URI url = TargetRequestUrlFilter.targetUrl(URI.create("http://shop.test:8000/a%20b/%2F?q=x%26y"),
                target("app.internal", 81));

        assertThat(url).hasToString("http://app.internal:81/a%20b/%2F?q=x%26y");
    }

    @Test
    void bracketsIpv6Targets() {
        URI url = TargetRequestUrlFilter.targetUrl(URI.create("http://shop.test:8000/"), target("::1", 8080));

        assertThat(url).hasToString("http://[::1]:8080/");
    }
}
