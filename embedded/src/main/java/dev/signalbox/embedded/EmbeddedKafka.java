package dev.signalbox.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, broker and controller in one server) on loopback.
 *
 * <p>It can be stopped and started again: the ports, the log directory and so the cluster id stay
 * the same, so clients reconnect to the same cluster and find the records written before. Tests use
 * that to simulate "Kafka is down".
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final int port;
    private final int controllerPort;
    private final Path logDirectory;
    private final boolean ownsLogDirectory;
    private @Nullable KafkaRaftServer server;

    private EmbeddedKafka(int port, int controllerPort, Path logDirectory, boolean ownsLogDirectory) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDirectory = logDirectory;
        this.ownsLogDirectory = ownsLogDirectory;
    }

    /** Formats a temporary log directory and starts on {@code port} (0 for a free one). */
    public static EmbeddedKafka start(int port) {
        try {
            return start(port, Files.createTempDirectory("signalbox-kafka"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("No temporary directory for Kafka", e);
        }
    }

    /**
     * Starts on {@code port} (0 for a free one) with its log in {@code logDirectory}, which is
     * formatted if it is empty. The directory is removed on {@link #close()} only if {@code
     * ownsLogDirectory}.
     */
    public static EmbeddedKafka start(int port, Path logDirectory, boolean ownsLogDirectory) {
        EmbeddedKafka kafka = new EmbeddedKafka(FreePort.orFree(port), FreePort.pick(), logDirectory, ownsLogDirectory);
        kafka.formatIfNew();
        kafka.start();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the server again after {@link #stop()}; does nothing if it runs. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(settings(), false), Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            // a half-started server keeps non-daemon threads alive: take them down before failing
            shutDown(starting);
            throw e;
        }
        server = starting;
        log.info("Kafka listening on {} ({} ms)", bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Stops the server and waits for its threads; the log directory stays for a later start. */
    public synchronized void stop() {
        KafkaRaftServer running = server;
        if (running == null) {
            return;
        }
        server = null;
        shutDown(running);
        log.info("Kafka on {} stopped", bootstrapServers());
    }

    /** Stops and starts again on the same ports and log directory. */
    public synchronized void restart() {
        stop();
        start();
    }

    @Override
    public synchronized void close() {
        stop();
        if (ownsLogDirectory) {
            Directories.deleteRecursively(logDirectory);
        }
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private void formatIfNew() {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        KafkaConfig config = new KafkaConfig(settings(), false);
        Formatter formatter = new Formatter()
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(NODE_ID)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(logDirectory.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka log directory " + logDirectory, e);
        }
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(NODE_ID));
        settings.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", logDirectory.toString());
        // one node: internal topics cannot have more replicas, and few partitions start faster
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("num.partitions", "1");
        settings.put("default.replication.factor", "1");
        settings.put("auto.create.topics.enable", "true");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // the config topic is compacted, so the cleaner must run
        settings.put("log.cleaner.enable", "true");
        settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        settings.put("log.cleaner.threads", "1");
        // small JVM footprint for a local broker
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "2");
        settings.put("num.recovery.threads.per.data.dir", "1");
        settings.put("background.threads", "2");
        return settings;
    }
}
