package dev.signalbox.node.tls;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.signalbox.node.NodeProperties;
import dev.signalbox.protocol.DataPlaneCipher;
import dev.signalbox.protocol.ProtocolCodec;

@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

    /** A key that is not base64 or not 32 bytes stops the node at start, naming the key. */
    @Bean
    DataPlaneCipher dataPlaneCipher(DataPlaneKeysProperties keys) {
        return DataPlaneCipher.ofBase64Keys(keys.dataPlaneKeys());
    }

    /** Beside the stored config snapshots. */
    @Bean
    CertificateFiles certificateFiles(NodeProperties node, ProtocolCodec codec) {
        return new CertificateFiles(node.stateDir().resolve("certificates"), codec);
    }
}
