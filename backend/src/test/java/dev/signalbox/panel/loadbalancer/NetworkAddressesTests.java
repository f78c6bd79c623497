package dev.signalbox.panel.loadbalancer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkAddressesTests {

    @Test
    void acceptsFullyQualifiedHostNamesOnly() {
        assertThat(NetworkAddresses.isHostName("www.shop.example")).isTrue();
        assertThat(NetworkAddresses.isHostName("API.Shop.Example")).isTrue();
        assertThat(NetworkAddresses.isHostName("localhost")).as("one label").isFalse();
        assertThat(NetworkAddresses.isHostName("-bad.example")).isFalse();
        assertThat(NetworkAddresses.isHostName("bad-.example")).isFalse();
        assertThat(NetworkAddresses.isHostName("shop.123")).as("numeric top label").isFalse();
        assertThat(NetworkAddresses.isHostName("a..example")).isFalse();
        assertThat(NetworkAddresses.isHostName("shop.example.")).isFalse();
        assertThat(NetworkAddresses.isHostName("x".repeat(64) + ".example")).as("label over 63").isFalse();
        assertThat(NetworkAddresses.isHostName("*.example.com")).isFalse();
    }

    @Test
    void acceptsIpv4AndIpv6CidrBlocks() {
        assertThat(NetworkAddresses.cidrProblem("10.0.0.0/8")).isNull();
        assertThat(NetworkAddresses.cidrProblem("192.168.1.7/32")).isNull();
        assertThat(NetworkAddresses.cidrProblem("0.0.0.0/0")).isNull();
        assertThat(NetworkAddresses.cidrProblem("2001:db8::/32")).isNull();
        assertThat(NetworkAddresses.cidrProblem("::1/128")).isNull();
    }

    @Test
    void explainsWhatIsWrongWithABlock() {
        assertThat(NetworkAddresses.cidrProblem("10.0.0.0")).contains("not a CIDR block");
        assertThat(NetworkAddresses.cidrProblem("10.0.0.256/32")).contains("IPv4 or IPv6");
        assertThat(NetworkAddresses.cidrProblem("10.0.0.0/33")).contains("above 32");
        assertThat(NetworkAddresses.cidrProblem("2001:db8::/129")).contains("above 128");
        assertThat(NetworkAddresses.cidrProblem("10.0.0.1/8")).contains("did you mean 10.0.0.0/8");
        assertThat(NetworkAddresses.cidrProblem("2001:db8::1/32")).contains("did you mean 2001:db8:0:0:0:0:0:0/32");
        assertThat(NetworkAddresses.cidrProblem("1:::2/64")).contains("IPv4 or IPv6");
        assertThat(NetworkAddresses.cidrProblem("example.com/8")).as("never a DNS lookup").contains("IPv4 or IPv6");
        assertThat(NetworkAddresses.cidrProblem("10.0.0.0/-1")).contains("not a CIDR block");
    }

    @Test
    void knowsWhichBlockContainsWhich() {
        assertThat(NetworkAddresses.cidrContains("10.0.0.0/8", "10.1.0.0/16")).isTrue();
        assertThat(NetworkAddresses.cidrContains("10.0.0.0/8", "10.0.0.0/8")).isTrue();
        assertThat(NetworkAddresses.cidrContains("10.1.0.0/16", "10.0.0.0/8")).isFalse();
        assertThat(NetworkAddresses.cidrContains("10.0.0.0/8", "11.0.0.0/16")).isFalse();
        assertThat(NetworkAddresses.cidrContains("0.0.0.0/0", "2001:db8::/32")).as("families differ").isFalse();
        assertThat(NetworkAddresses.cidrContains("2001:db8::/32", "2001:db8:1::/48")).isTrue();
    }
}
