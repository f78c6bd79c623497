package dev.signalbox.node.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class CidrBlockTests {

    @Test
    void matchesIpv4AddressesInsideThePrefix() throws Exception {
        CidrBlock block = CidrBlock.parse("10.1.0.0/16");

        assertThat(block.contains(InetAddress.getByName("10.1.255.7"))).isTrue();
        assertThat(block.contains(InetAddress.getByName("10.2.0.1"))).isFalse();
    }

    @Test
    void comparesTheBitsOfAPrefixThatEndsInsideAByte() throws Exception {
        CidrBlock block = CidrBlock.parse("192.168.1.64/26");

        assertThat(block.contains(InetAddress.getByName("192.168.1.127"))).isTrue();
        assertThat(block.contains(InetAddress.getByName("192.168.1.128"))).isFalse();
        assertThat(block.contains(InetAddress.getByName("192.168.1.63"))).isFalse();
    }

    @Test
    void matchesIpv6AndNeverMixesFamilies() throws Exception {
        CidrBlock block = CidrBlock.parse("2001:db8::/32");

        assertThat(block.contains(InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
        assertThat(block.contains(InetAddress.getByName("2001:db9::1"))).isFalse();
        assertThat(CidrBlock.parse("0.0.0.0/0").contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(CidrBlock.parse("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.9"))).isTrue();
    }

    @Test
    void anAddressWithoutPrefixIsABlockOfOne() throws Exception {
        CidrBlock block = CidrBlock.parse("127.0.0.1");

        assertThat(block.contains(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(block.contains(InetAddress.getByName("127.0.0.2"))).isFalse();
    }

    @Test
    void rejectsHostNamesAndOutOfRangePrefixes() {
        assertThatThrownBy(() -> CidrBlock.parse("localhost/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CidrBlock.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
