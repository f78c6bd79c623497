package dev.signalbox.node.routing;

import static dev.signalbox.node.routing.TestRequests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.handler.codec.http.HttpMethod;

class ListenerRequestTests {

    @Test
    void readsThePathAsSentWithoutQueryOrFragment() {
        assertThat(get("/cart/items?page=2").rawPath()).isEqualTo("/cart/items");
        assertThat(get("/a%20b/%2F?x=%20").rawPath()).as("not percent-decoded").isEqualTo("/a%20b/%2F");
        assertThat(get("/docs#intro").rawPath()).isEqualTo("/docs");
        assertThat(get("/").rawPath()).isEqualTo("/");
    }

    @Test
    void readsThePathOfAnAbsoluteFormTargetAfterItsAuthority() {
        assertThat(get("http://shop.test:8000/cart?page=2").rawPath()).isEqualTo("/cart");
        assertThat(get("https://shop.test/a%2Fb").rawPath()).isEqualTo("/a%2Fb");
        assertThat(get("http://shop.test").rawPath()).isEqualTo("/");
        assertThat(get("http://shop.test?next=/cart").rawPath()).as("a slash in the query is no path").isEqualTo("/");
        assertThat(get("http://shop.test#/cart").rawPath()).as("nor one in the fragment").isEqualTo("/");
    }

    @Test
    void readsSlashForATargetWithoutPath() {
        assertThat(TestRequests.request(HttpMethod.OPTIONS, "*").rawPath()).isEqualTo("/");
        assertThat(TestRequests.request(HttpMethod.CONNECT, "shop.test:443").rawPath()).isEqualTo("/");
    }

    @Test
    void readsTheQueryAsSentWithoutItsQuestionMarkOrFragment() {
        assertThat(get("/search?q=a%20b&page=2").rawQuery()).isEqualTo("q=a%20b&page=2");
        assertThat(get("http://shop.test/search?q=x#results").rawQuery()).isEqualTo("q=x");
        assertThat(get("/search?a=1?b=2").rawQuery()).isEqualTo("a=1?b=2");
        assertThat(get("/search?").rawQuery()).isEmpty();
        assertThat(get("/search").rawQuery()).isEmpty();
        assertThat(get("/docs#part?x=1").rawQuery()).as("a '?' in the fragment starts no query").isEmpty();
    }

    @Test
    void decodesQueryParametersInTheOrderSent() {
        assertThat(get("/?b=x%20y&a=1&b=w+z&c=%E2%82%AC").queryParameters()).containsExactly(
                entry("b", List.of("x y", "w z")),
                entry("a", List.of("1")),
                entry("c", List.of("€")));
        assertThat(get("/?na%6De=v%3D1").queryParameters()).containsExactly(entry("name", List.of("v=1")));
        assertThat(get("/").queryParameters()).isEmpty();
        assertThat(get("/?").queryParameters()).isEmpty();
    }

    @Test
    void givesAParameterWithoutValueTheEmptyValue() {
        assertThat(get("/?beta&channel=&&x=1").queryParameters()).containsExactly(
                entry("beta", List.of("")),
                entry("channel", List.of("")),
                entry("x", List.of("1")));
    }

    @Test
    void separatesParametersByAmpersandOnly() {
        assertThat(get("/?a=1;b=2").queryParameters()).containsExactly(entry("a", List.of("1;b=2")));
    }

    @Test
    void takesAPartThatIsNotValidPercentEncodingAsSent() {
        assertThat(get("/?v=%ZZ&w=100%&%=x&ok=%41").queryParameters()).containsExactly(
                entry("v", List.of("%ZZ")),
                entry("w", List.of("100%")),
                entry("%", List.of("x")),
                entry("ok", List.of("A")));
    }

    @Test
    void readsHeadersRegardlessOfTheCaseOfTheirNames() {
        ListenerRequest request = get("/", "X-Tenant", "acme", "x-tenant", "globex");

        assertThat(request.header("x-TENANT")).isEqualTo("acme");
        assertThat(request.headers("X-TENANT")).containsExactly("acme", "globex");
        assertThat(request.header("X-Other")).isNull();
        assertThat(request.headers("X-Other")).isEmpty();
    }

    @Test
    void findsACookieInAnyCookieHeaderAndTakesTheFirstOfItsName() {
        ListenerRequest request = get("/", "Cookie", "theme=dark; session=s-1", "Cookie", "session=s-2; cart=\"7\"");

        assertThat(request.cookie("session")).isEqualTo("s-1");
        assertThat(request.cookie("theme")).isEqualTo("dark");
        assertThat(request.cookie("cart")).as("quotes are not part of the value").isEqualTo("7");
        assertThat(request.cookie("Session")).as("names are case-sensitive").isNull();
        assertThat(get("/").cookie("session")).isNull();
    }

    @Test
    void readsTheHostHeaderWithoutItsPort() {
        assertThat(get("/", "Host", "shop.test").host()).isEqualTo("shop.test");
        assertThat(get("/", "Host", "Shop.Test:8000").host()).as("as sent, in its case").isEqualTo("Shop.Test");
        assertThat(get("/", "Host", "192.0.2.5:80").host()).isEqualTo("192.0.2.5");
        assertThat(get("/", "Host", "[2001:db8::1]:8443").host()).isEqualTo("[2001:db8::1]");
        assertThat(get("/", "Host", "[2001:db8::1]").host()).isEqualTo("[2001:db8::1]");
        assertThat(get("/", "Host", "").host()).isNull();
        assertThat(get("/").host()).isNull();
    }

    @Test
    void readsTheMethodTheClientAndTheScheme() throws Exception {
        var client = new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 41000);
        var request = new ListenerRequest(TestRequests.head(HttpMethod.valueOf("PURGE"), "/"), client, 8443, true);

        assertThat(request.method()).isEqualTo("PURGE");
        assertThat(request.clientAddress()).isEqualTo(InetAddress.getByName("2001:db8::7"));
        assertThat(request.scheme()).isEqualTo("https");
        assertThat(get("/").scheme()).isEqualTo("http");
        assertThat(TestRequests.from(null).clientAddress()).isNull();
        assertThat(TestRequests.from(InetSocketAddress.createUnresolved("client.test", 1)).clientAddress()).isNull();
    }

    @Test
    void givesARedirectTheProtocolHostListenerPortPathAndQueryTheClientUsed() {
        var secure = new ListenerRequest(TestRequests.head(HttpMethod.GET, "/old/path?a=%20b", "Host", "[::1]:8443"),
                TestRequests.CLIENT, 8443, true);

        assertThat(secure.redirectParts())
                .isEqualTo(new RedirectTemplate.RequestParts("HTTPS", "[::1]", 8443, "/old/path", "a=%20b"));
        assertThat(get("http://shop.test/x", "Host", "shop.test:9000").redirectParts()).as("the port is the listener's")
                .isEqualTo(new RedirectTemplate.RequestParts("HTTP", "shop.test", TestRequests.LISTENER_PORT, "/x", ""));
        assertThat(get("/").redirectParts()).as("without a Host header")
                .isEqualTo(new RedirectTemplate.RequestParts("HTTP", "", TestRequests.LISTENER_PORT, "/", ""));
    }
}
