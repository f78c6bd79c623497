package dev.signalbox.node.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.HashKeyType;
import io.netty.handler.codec.http.HttpMethod;

class RequestHashKeyTests {

    private final ListenerRequest request = new ListenerRequest(
            TestRequests.head(HttpMethod.GET, "/", "X-User", "alice", "Cookie", "theme=dark; session=s-42"),
            new InetSocketAddress("192.0.2.7", 50123), TestRequests.LISTENER_PORT, false);

    @Test
    void readsTheClientAddressWithoutItsPort() {
        assertThat(RequestHashKey.of(request, HashKeySnapshot.sourceIp())).isEqualTo("192.0.2.7");
    }

    @Test
    void readsAnUnresolvedClientAddressAsItsHostString() {
        ListenerRequest unresolved = TestRequests.from(InetSocketAddress.createUnresolved("client.test", 50123));

        assertThat(RequestHashKey.of(unresolved, HashKeySnapshot.sourceIp())).isEqualTo("client.test");
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
        assertThat(RequestHashKey.of(request, new HashKeySnapshot(HashKeyType.COOKIE, null))).isNull();
        assertThat(RequestHashKey.of(TestRequests.from(null), HashKeySnapshot.sourceIp())).isNull();
        assertThat(RequestHashKey.of(request, null)).isNull();
    }
}
