package dev.signalbox.node.state;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.signalbox.node.NodeProperties;
import dev.signalbox.protocol.ProtocolCodec;

@Configuration(proxyBeanMethods = false)
class StateConfiguration {

    @Bean
    SnapshotStore snapshotStore(NodeProperties node, ProtocolCodec codec) {
        return new SnapshotStore(node.stateDir(), codec);
    }
}
