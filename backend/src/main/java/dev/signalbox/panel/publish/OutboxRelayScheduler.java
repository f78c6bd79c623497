package dev.signalbox.panel.publish;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.signalbox.panel.certificate.CertificateDeleted;
import dev.signalbox.panel.certificate.CertificateRevised;
import dev.signalbox.panel.loadbalancer.LoadBalancerDeleted;
import dev.signalbox.panel.loadbalancer.LoadBalancerRevised;
import dev.signalbox.panel.rowsecurity.RowScope;

/**
 * Runs the relay: on a short fixed delay and, to cut latency, right after a change commits. Never
 * on a request thread, so a slow or absent Kafka never delays an API call.
 */
@Component
class OutboxRelayScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

    private final OutboxRelay relay;
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay-nudge");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean nudgeQueued = new AtomicBoolean();
    private final AtomicBoolean workRequested = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean failing;

    OutboxRelayScheduler(OutboxRelay relay) {
        this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${signalbox.publish.relay-interval:100ms}")
    void poll() {
        drain();
    }

    @TransactionalEventListener
    void afterCommit(LoadBalancerRevised revised) {
        nudge();
    }

    @TransactionalEventListener
    void afterCommit(LoadBalancerDeleted deleted) {
        nudge();
    }

    @TransactionalEventListener
    void afterCommit(CertificateRevised revised) {
        nudge();
    }

    @TransactionalEventListener
    void afterCommit(CertificateDeleted deleted) {
        nudge();
    }

    private void nudge() {
        if (nudgeQueued.compareAndSet(false, true)) {
            nudges.execute(() -> {
                nudgeQueued.set(false);
                drain();
            });
        }
    }

    /** Relays until the outbox is empty; a caller that finds the relay busy leaves a note for the running one. */
    void drain() {
        workRequested.set(true);
        while (workRequested.getAndSet(false)) {
            if (!running.tryLock()) {
                return;
            }
            // the relay serves every tenant: it reads revisions in the system row scope
            try (RowScope.Entered ignored = RowScope.enterSystem()) {
                relayUntilEmpty();
            } finally {
                running.unlock();
            }
        }
    }

    private void relayUntilEmpty() {
        try {
            int relayed;
            do {
                relayed = relay.relayBatch();
            } while (relayed >= relay.batchSize());
            if (failing) {
                failing = false;
                log.info("Config publishing to Kafka works again");
            }
        } catch (Exception e) {
            if (!failing) {
                failing = true;
                log.warn("Config publishing to Kafka failed; outbox rows stay pending and are retried: {}", e.getMessage());
            } else {
                log.debug("Config publishing still failing: {}", e.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        nudges.shutdownNow();
    }
}
