package dev.signalbox.node.report;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The one daemon thread each reporter sends on, so a slow or absent Kafka never holds up anything else. */
final class ReporterThread {

    private ReporterThread() {
    }

    static ScheduledExecutorService start(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
