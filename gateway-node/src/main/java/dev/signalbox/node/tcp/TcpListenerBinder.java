package dev.signalbox.node.tcp;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.signalbox.node.NodeProperties;
import dev.signalbox.node.NodeTransport;
import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.node.metrics.MetricsRecorder;
import dev.signalbox.node.listener.BoundListenerPorts;
import dev.signalbox.node.listener.ListenerPortBinder;
import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.ConfigApplied;
import jakarta.annotation.PreDestroy;

/**
 * Keeps one TCP server bound per TCP listener port of the applied config, as
 * {@link ListenerPortBinder} does for HTTP: ports are bound and released as the config changes, a
 * port that cannot be bound is logged and reported (and tried again on the next change), never
 * fatal. A changed listener or group applies to new connections; open ones keep their target.
 *
 * <p>A released port stops accepting at once; its open connections get the drain period
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}) to end by themselves and are then closed.
 * When the node stops, every TCP port stops accepting at once and the open connections are drained
 * the same way, in the phase the HTTP listeners drain in.
 */
@Component
public class TcpListenerBinder implements SmartLifecycle, BoundListenerPorts {

    private static final Logger log = LoggerFactory.getLogger(TcpListenerBinder.class);
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final GroupSelectorFactory selectors;
    private final MetricsRecorder metrics;
    private final String listenAddress;
    private final Duration drainTimeout;
    private final TcpTransport transport;
    private final Map<Integer, TcpListener> listeners = new HashMap<>();
    /** Released at run time, their connections still draining. */
    private final Set<TcpListener> draining = new HashSet<>();
    private final Map<Integer, String> failures = new HashMap<>();
    private Map<Integer, TcpRoute> routes = Map.of();
    private boolean released;
    private boolean running;

    public TcpListenerBinder(GroupSelectorFactory selectors, MetricsRecorder metrics, NodeProperties node,
            NodeTransport transport,
            @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration drainTimeout) {
        this.transport = new TcpTransport(transport);
        this.selectors = selectors;
        this.metrics = metrics;
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

    /** Drains off the caller's thread, so the HTTP listeners drain in the same phase concurrently. */
    @Override
    public void stop(Runnable callback) {
        CompletableFuture.runAsync(this::drainAll, runnable -> {
            Thread drainer = new Thread(runnable, "tcp-listener-drain");
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
    @Order(ListenerPortBinder.EVENT_ORDER)
    public void onConfigApplied(ConfigApplied applied) {
        follow(applied.config());
    }

    /** Binds the TCP ports of {@code config} not bound yet, re-routes the bound ones and releases the rest. */
    synchronized void follow(AppliedConfig config) {
        if (released) {
            return;
        }
        routes = TcpRoutes.of(config.loadBalancers(), routes, selectors);
        for (Integer port : new HashSet<>(listeners.keySet())) {
            if (!routes.containsKey(port)) {
                release(port);
            }
        }
        failures.keySet().retainAll(routes.keySet());
        routes.forEach((port, route) -> {
            TcpListener listener = listeners.get(port);
            if (listener == null) {
                bind(port, route);
            } else {
                listener.route(route);
            }
        });
    }

    @Override
    public synchronized SortedSet<Integer> boundPorts() {
        return new TreeSet<>(listeners.keySet());
    }

    @Override
    public synchronized Map<Integer, String> failedPorts() {
        return Map.copyOf(failures);
    }

    /** The last resort when the context closes without stopping its lifecycle beans first. */
    @PreDestroy
    public void releaseAll() {
        List<TcpListener> all = takeAll();
        all.forEach(listener -> listener.stopAccepting(CLOSE_TIMEOUT));
        all.forEach(listener -> listener.closeConnections(CLOSE_TIMEOUT));
    }

    /**
     * Stops accepting on every port at once, then gives all open connections one drain period
     * together and closes those left: draining port after port would keep the later ones accepting.
     */
    private void drainAll() {
        List<TcpListener> all = takeAll();
        all.forEach(listener -> listener.stopAccepting(CLOSE_TIMEOUT));
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        for (TcpListener listener : all) {
            int open = listener.openConnections();
            if (!listener.awaitConnectionsClosed(Duration.ofNanos(deadline - System.nanoTime()))) {
                log.warn("TCP listener port {} did not drain within {}; closing its remaining connections",
                        listener.port(), drainTimeout);
                listener.closeConnections(CLOSE_TIMEOUT);
            } else if (open > 0) {
                log.info("Released TCP listener port {} after draining", listener.port());
            }
        }
    }

    private synchronized List<TcpListener> takeAll() {
        released = true;
        running = false;
        List<TcpListener> all = new ArrayList<>(listeners.values());
        all.addAll(draining);
        listeners.clear();
        draining.clear();
        return all;
    }

    private void bind(int port, TcpRoute route) {
        try {
            listeners.put(port, TcpListener.bind(transport, metrics, listenAddress, port, route, BIND_TIMEOUT));
            failures.remove(port);
            log.info("Listening for TCP on {}:{}", listenAddress, port);
        } catch (RuntimeException e) {
            failures.put(port, String.valueOf(e.getMessage()));
            log.warn("Cannot listen for TCP on {}:{}; its load balancer is unreachable on this node: {}",
                    listenAddress, port, e.toString());
        }
    }

    private void release(int port) {
        TcpListener listener = listeners.remove(port);
        if (listener != null) {
            listener.stopAccepting(CLOSE_TIMEOUT);
            draining.add(listener);
            listener.closeConnectionsAfter(drainTimeout, () -> forget(listener));
            log.info("Released TCP listener port {}", port);
        }
    }

    private synchronized void forget(TcpListener drained) {
        draining.remove(drained);
    }
}
