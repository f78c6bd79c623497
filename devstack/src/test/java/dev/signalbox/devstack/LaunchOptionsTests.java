package dev.signalbox.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LaunchOptionsTests {

    @Test
    void withoutOptionsTheStackHasANode() {
        assertThat(LaunchOptions.parse().withNode()).isTrue();
    }

    @Test
    void noNodeLeavesTheNodeOut() {
        assertThat(LaunchOptions.parse("--no-node").withNode()).isFalse();
    }

    @Test
    void anUnknownOptionIsNamedInTheError() {
        assertThatThrownBy(() -> LaunchOptions.parse("--no-node", "--nodes=2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--nodes=2")
                .hasMessageContaining("--no-node");
    }
}
