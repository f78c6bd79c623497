package dev.signalbox.node.state;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.AppliedLoadBalancer;
import dev.signalbox.node.routing.ConfigApplied;
import jakarta.annotation.PreDestroy;

/**
 * Mirrors every applied config to the {@link SnapshotStore} on a thread of its own, so neither
 * requests nor the config reader wait for the disk. Only the newest config is written: when configs
 * are applied faster than the disk keeps up, the ones in between are skipped, not queued.
 */
@Component
class SnapshotPersister {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPersister.class);

    private final SnapshotStore store;
    private final AtomicReference<@Nullable AppliedConfig> pending = new AtomicReference<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "signalbox-state-writer");
        thread.setDaemon(true);
        return thread;
    });

    SnapshotPersister(SnapshotStore store) {
        this.store = store;
    }

    @EventListener
    public void onConfigApplied(ConfigApplied applied) {
        // a write is scheduled only when none is waiting; the waiting one will pick up this config
        if (pending.getAndSet(applied.config()) == null) {
            try {
                writer.execute(this::writePending);
            } catch (RejectedExecutionException e) {
                log.debug("Not storing config applied during shutdown");
            }
        }
    }

    @PreDestroy
    void finishWriting() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void writePending() {
        AppliedConfig config = pending.getAndSet(null);
        if (config == null) {
            return;
        }
        Set<UUID> applied = config.appliedRevisions().keySet();
        for (UUID id : applied) {
            AppliedLoadBalancer loadBalancer = config.loadBalancer(id);
            if (loadBalancer != null) {
                writeSafely(() -> store.save(loadBalancer.snapshot()), id);
            }
        }
        for (UUID id : store.storedIds()) {
            if (!applied.contains(id)) {
                writeSafely(() -> store.delete(id), id);
            }
        }
    }

    private static void writeSafely(Runnable write, UUID loadBalancerId) {
        try {
            write.run();
        } catch (RuntimeException e) {
            // serving goes on from memory; the disk copy only matters for the next start
            log.warn("Cannot update the stored snapshot of load balancer {}: {}", loadBalancerId, e.toString());
        }
    }
}
