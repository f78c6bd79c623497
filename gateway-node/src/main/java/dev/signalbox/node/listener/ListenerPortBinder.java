package dev.signalbox.node.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.signalbox.node.NodeProperties;
import dev.signalbox.node.forwarding.HttpListenerPort;
import dev.signalbox.node.forwarding.HttpListenerPorts;
import dev.signalbox.node.routing.ConfigApplied;
import dev.signalbox.node.tls.CertificatesChanged;
import dev.signalbox.node.tls.HttpsListeners;
import jakarta.annotation.PreDestroy;

/**
 * Keeps one server bound per HTTP listener port of the applied config ({@link HttpListenerPorts}),
 * each forwarding its requests to the load balancers answering there. Ports
 * are bound and released as the config changes, without a restart. A port that cannot be bound is
 * logged and reported, never fatal; it is tried again on the next config change. A port with HTTPS
 * listeners is served with TLS only ({@link HttpsListeners}); while none of its certificates can be
 * served it is not bound and is reported instead.
 *
 * <p>Ports of other kinds of listeners ({@link BoundListenerPorts}) are reported with these.
 *
 * <p>When the node stops, all listener ports stop accepting at once and their in-flight requests
 * finish, bounded by {@code spring.lifecycle.timeout-per-shutdown-phase}, in the same lifecycle
 * phase as the admin server's graceful shutdown.
 */
@Component
public class ListenerPortBinder implements SmartLifecycle {

    /** Binds before the status report of the same change, so the report lists the new ports. */
    public static final int EVENT_ORDER = 0;

    private static final Logger log = LoggerFactory.getLogger(ListenerPortBinder.class);

    private final HttpListenerPorts listenerPorts;
    private final ObjectProvider<BoundListenerPorts> otherPorts;
    private final String listenAddress;
    private final Duration drainTimeout;
    private final Map<Integer, HttpListenerPort> servers = new HashMap<>();
    private final Map<Integer, String> failures = new HashMap<>();
    private final HttpsListeners https;
    private final Set<Integer> securedPorts = new HashSet<>();
    private Set<Integer> wantedPorts = Set.of();
    private boolean released;
    private boolean running;

    public ListenerPortBinder(HttpListenerPorts listenerPorts, ObjectProvider<BoundListenerPorts> otherPorts,
            NodeProperties node, HttpsListeners https,
            @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration drainTimeout) {
        this.listenerPorts = listenerPorts;
        this.otherPorts = otherPorts;
        this.https = https;
        this.listenAddress = node.listenAddress();
        this.drainTimeout = drainTimeout;
    }

    @Override
    public synchronized void start() {
        running = true;
    }

    @Override
    public void stop() {
        drainAll();
    }

    /** Drains off the caller's thread, so the admin server drains in the same phase concurrently. */
    @Override
    public void stop(Runnable callback) {
        CompletableFuture.runAsync(this::drainAll, runnable -> {
            Thread drainer = new Thread(runnable, "listener-drain");
            drainer.setDaemon(true);
            drainer.start();
        }).whenComplete((done, failure) -> callback.run());
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
    }

    @EventListener
    @Order(EVENT_ORDER)
    public void onConfigApplied(ConfigApplied applied) {
        bindExactly(applied.config().routingIndex().httpPorts());
    }

    /** A port waiting for its first certificate binds now; one left without any is released. */
    @EventListener
    public synchronized void onCertificatesChanged(CertificatesChanged changed) {
        bindExactly(wantedPorts);
    }

    /**
     * Binds the wanted ports not bound yet and releases the bound ports no longer wanted. A port
     * bound with or without TLS when it should be the other way is bound again.
     */
    public synchronized void bindExactly(Set<Integer> wanted) {
        if (released) {
            return;
        }
        wantedPorts = Set.copyOf(wanted);
        for (Integer port : new HashSet<>(servers.keySet())) {
            boolean secured = securedPorts.contains(port);
            if (!wanted.contains(port) || secured != https.isSecure(port) || (secured && !https.hasCertificate(port))) {
                release(port);
            }
        }
        failures.keySet().retainAll(wanted);
        for (Integer port : wanted) {
            if (!servers.containsKey(port)) {
                bind(port);
            }
        }
    }

    /** The ports this node listens on: its HTTP listener ports and those of {@link BoundListenerPorts}. */
    public SortedSet<Integer> boundPorts() {
        SortedSet<Integer> bound;
        synchronized (this) {
            bound = new TreeSet<>(servers.keySet());
        }
        otherPorts.forEach(other -> bound.addAll(other.boundPorts()));
        return bound;
    }

    /** Wanted ports that could not be bound, with the reason, of every kind of listener. */
    public Map<Integer, String> failedPorts() {
        Map<Integer, String> failed;
        synchronized (this) {
            failed = new HashMap<>(failures);
        }
        otherPorts.forEach(other -> failed.putAll(other.failedPorts()));
        return Map.copyOf(failed);
    }

    /** The last resort when the context closes without stopping its lifecycle beans first. */
    @PreDestroy
    public synchronized void releaseAll() {
        released = true;
        running = false;
        for (Integer port : new HashSet<>(servers.keySet())) {
            release(port);
        }
    }

    /**
     * Closes every listener port at once, then waits for their in-flight requests in parallel:
     * draining one port after another would keep the later ones accepting meanwhile.
     */
    private void drainAll() {
        List<HttpListenerPort> draining;
        synchronized (this) {
            released = true;
            running = false;
            draining = new ArrayList<>(servers.values());
            servers.clear();
        }
        List<CompletableFuture<Void>> drains = new ArrayList<>(draining.size());
        for (HttpListenerPort server : draining) {
            drains.add(CompletableFuture.runAsync(() -> drain(server), runnable -> {
                Thread drainer = new Thread(runnable, "listener-drain-" + server.port());
                drainer.setDaemon(true);
                drainer.start();
            }));
        }
        CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new)).join();
    }

    private void drain(HttpListenerPort server) {
        int port = server.port();
        if (server.drain(drainTimeout)) {
            log.info("Released listener port {} after draining", port);
        } else {
            log.warn("Listener port {} did not drain within {}; remaining connections are closed", port, drainTimeout);
        }
    }

    private void bind(int port) {
        try {
            boolean secure = https.isSecure(port);
            servers.put(port, listenerPorts.bind(listenAddress, port, secure ? https.tlsHandlers(port) : null));
            if (secure) {
                securedPorts.add(port);
            }
            failures.remove(port);
            log.info("Listening on {}:{}{}", listenAddress, port, secure ? " with TLS" : "");
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage());
            // retried on every change; the same reason again is not news
            boolean known = reason.equals(failures.put(port, reason));
            if (known) {
                log.debug("Still cannot listen on {}:{}: {}", listenAddress, port, reason);
            } else {
                log.warn("Cannot listen on {}:{}; its load balancers are unreachable on this node: {}",
                        listenAddress, port, e.toString());
            }
        }
    }

    private void release(int port) {
        HttpListenerPort server = servers.remove(port);
        securedPorts.remove(port);
        if (server != null) {
            // its connections finish the requests under way, then close
            server.stop();
            log.info("Released listener port {}", port);
        }
    }
}
