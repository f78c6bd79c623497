package dev.signalbox.node.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HashKeyType;

class RequestHashKeyTests {

    private final MockServerHttpRequest request = MockServerHttpRequest.get("/")
            .remoteAddress(new InetSocketAddress("192.0.2.7", 50123))
            .header("X-User", "alice")
            .cookie(new HttpCookie("session", "s-42"))
            .build();

    @Test
    void readsTheClientAddressWithoutItsPort() {
        assertThat(RequestHashKey.of(request, HashKeySnapshot.sourceIp())).isEqualTo("192.0.2.7");
    }

    @Test
    void readsTheNamedHeaderAndCookie() {
        assertThat(RequestHashKey.of(request, new HashKeySnapshot(HashKeyType.HEADER, "x-user"))).isEqualTo("alice");
        assertThat(RequestHashKey.of(request, new HashKeySnapshot(HashKeyType.COOKIE, "session"))).isEqualTo("s-42");
    }

    @Test
    void hasNoKeyWhenTheRequestLacksItOrTheGroupDoesNotHash() {
        assertThat(RequestHashKey.of(request, new HashKeySnapshot(HashKeyType.HEADER, "X-Tenant"))).isNull();
        assertThat(RequestHashKey.of(request, new HashKeySnapshot(HashKeyType.COOKIE, "other"))).isNull();
        assertThat(RequestHashKey.of(request, new HashKeySnapshot(HashKeyType.HEADER, null))).isNull();
        assertThat(RequestHashKey.of(MockServerHttpRequest.get("/").build(), HashKeySnapshot.sourceIp())).isNull();
        assertThat(RequestHashKey.of(request, null)).isNull();
    }
}
