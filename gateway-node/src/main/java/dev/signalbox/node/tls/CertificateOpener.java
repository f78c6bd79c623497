package dev.signalbox.node.tls;

import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.Map;

import javax.net.ssl.SSLException;

import org.springframework.stereotype.Component;

import dev.signalbox.protocol.CertificateSnapshot;
import dev.signalbox.protocol.DataPlaneCipher;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import reactor.netty.tcp.SslProvider;

/**
 * Turns a certificate snapshot into a {@link ServedCertificate}: opens its sealed key with the
 * data-plane keys, checks the key belongs to the leaf, and builds one TLS setup per policy. The
 * opened key lives on only inside those setups, never on disk or in a log.
 */
@Component
class CertificateOpener {

    /** Only HTTP/1.1 is served on listener ports, and ALPN says so to clients that ask. */
    private static final ApplicationProtocolConfig ALPN = new ApplicationProtocolConfig(
            ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
            ApplicationProtocolNames.HTTP_1_1);

    private final DataPlaneCipher cipher;

    CertificateOpener(DataPlaneCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * @throws dev.signalbox.protocol.DataPlaneCipherException if the key does not open
     * @throws IllegalArgumentException                        if the chain or key cannot be used
     */
    ServedCertificate open(CertificateSnapshot snapshot) {
        byte[] keyPem = cipher.open(snapshot.id(), snapshot.privateKey());
        CertificateKeyPair pair = CertificateKeyPair.parse(snapshot.certificateChainPem(), keyPem);
        Map<TlsPolicy, SslProvider> providers = new EnumMap<>(TlsPolicy.class);
        for (TlsPolicy policy : TlsPolicy.values()) {
            providers.put(policy, SslProvider.builder().sslContext(context(pair, policy)).build());
        }
        return new ServedCertificate(snapshot, providers);
    }

    private static SslContext context(CertificateKeyPair pair, TlsPolicy policy) {
        try {
            return SslContextBuilder.forServer(pair.key(), pair.chain().toArray(X509Certificate[]::new))
                    .protocols(policy.protocols())
                    .ciphers(policy.cipherSuites(), SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(ALPN)
                    .build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("no TLS setup for policy " + policy.policyName() + ": " + e.getMessage(), e);
        }
    }
}
