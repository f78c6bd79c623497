package dev.signalbox.node.tls;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.net.ssl.SSLHandshakeException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.signalbox.node.routing.ConfigApplied;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AsyncMapping;

/**
 * TLS for listener ports with HTTPS listeners. A secured port picks its certificate per handshake
 * ({@link HttpsPort}) from the config and certificates current at that moment, so new hosts and
 * replaced certificates apply to the next handshake without rebinding. Requests that come through
 * are routed by Host like HTTP ones, with {@code X-Forwarded-Proto: https}.
 */
@Component
public class HttpsListeners {

    private static final Logger log = LoggerFactory.getLogger(HttpsListeners.class);

    private final CertificateStore certificates;
    private final Set<String> reportedPolicies = ConcurrentHashMap.newKeySet();
    private final Set<Integer> reportedMixedPorts = ConcurrentHashMap.newKeySet();
    private volatile HttpsPorts ports = HttpsPorts.EMPTY;

    HttpsListeners(CertificateStore certificates) {
        this.certificates = certificates;
    }

    /** First among the listeners of the change, so ports are bound with the HTTPS listeners of the same config. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void onConfigApplied(ConfigApplied applied) {
        HttpsPorts next = HttpsPorts.of(applied.config().loadBalancers());
        for (String unknown : next.unknownPolicies()) {
            if (reportedPolicies.add(unknown)) {
                log.warn("TLS policy '{}' is unknown to this node; its listeners are served with {}", unknown,
                        TlsPolicy.DEFAULT.policyName());
            }
        }
        for (Integer mixed : next.mixedPorts()) {
            if (reportedMixedPorts.add(mixed)) {
                log.warn("Port {} has HTTP and HTTPS listeners; it serves TLS, so its HTTP listeners are reached over TLS",
                        mixed);
            }
        }
        ports = next;
    }

    /** Whether {@code port} has HTTPS listeners, and so is served with TLS only. */
    public boolean isSecure(int port) {
        return ports.port(port) != null;
    }

    /** Whether a handshake on {@code port} would find a certificate now. */
    public boolean hasCertificate(int port) {
        HttpsPort https = ports.port(port);
        return https != null && https.portDefault(certificates::get) != null;
    }

    /**
     * Makes the TLS handler of each connection to {@code port}: it chooses the certificate of each
     * handshake by the server name the client asks for.
     *
     * @throws IllegalStateException if no listener of the port has a usable certificate yet: the port
     *                               is never served without TLS
     */
    public Supplier<ChannelHandler> tlsHandlers(int port) {
        HttpsPort https = ports.port(port);
        if (https == null || https.portDefault(certificates::get) == null) {
            throw new IllegalStateException("no usable certificate yet for the HTTPS listeners on port " + port);
        }
        AsyncMapping<String, SslContext> bySni = (serverName, promise) -> {
            HttpsPort.Selection selection = select(port, serverName);
            return selection == null
                    ? promise.setFailure(new SSLHandshakeException("no certificate for " + serverName + " on port " + port))
                    : promise.setSuccess(selection.certificate().provider(selection.policy()).getSslContext());
        };
        return () -> new SniHandler(bySni);
    }

    HttpsPort.@Nullable Selection select(int port, @Nullable String serverName) {
        HttpsPort https = ports.port(port);
        return https == null ? null : https.select(serverName, certificates::get);
    }
}
