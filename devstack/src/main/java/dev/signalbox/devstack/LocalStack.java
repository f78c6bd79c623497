package dev.signalbox.devstack;

import dev.signalbox.embedded.Directories;
import dev.signalbox.embedded.EmbeddedKafka;
import dev.signalbox.embedded.EmbeddedPostgres;
import dev.signalbox.embedded.EmbeddedRedis;
import dev.signalbox.embedded.EmbeddedSmtp;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: embedded Postgres, Kafka, Redis and an SMTP sink, two demo
 * targets, and the panel and a gateway node as child JVMs from their fat jars; without the node
 * and the demo targets when {@link LaunchOptions#withNode()} is off. All state lives in one
 * temporary directory that {@link #close()} removes.
 */
public final class LocalStack implements AutoCloseable {

    static final String PANEL_JAR = "backend/target/signalbox-panel.jar";
    static final String NODE_JAR = "gateway-node/target/signalbox-node.jar";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    /** Key id of the stack's AES keys for certificates' private keys (any id works: there is one key of each kind). */
    static final String KEY_ID = "devstack";

    private final StackPorts ports;
    private final Path home;
    private final PrintStream output;
    private final LaunchOptions options;
    private final String baseDomain;
    /**
     * Made anew for every stack: what they encrypt (certificates in Postgres and on the Kafka topic)
     * lives in this stack's temporary directory and is gone with it, so no key needs to outlive it.
     */
    private final String dataPlaneKey = randomKey();
    private final String atRestKey = randomKey();
    private @Nullable Path workDirectory;
    private @Nullable Path agentJar;
    private @Nullable OrphanReaper reaper;
    private @Nullable EmbeddedPostgres postgres;
    private @Nullable EmbeddedKafka kafka;
    private @Nullable EmbeddedRedis redis;
    private @Nullable EmbeddedSmtp smtp;
    private @Nullable DemoTargets targets;
    private @Nullable ServiceProcess panel;
    private @Nullable ServiceProcess node;
    private boolean closed;

    /**
     * @param home the repository root, where the panel and node jars are built
     * @param output where the children's prefixed output goes
     */
    public LocalStack(StackPorts ports, Path home, PrintStream output) {
        this(ports, home, output, new LaunchOptions(true));
    }

    public LocalStack(StackPorts ports, Path home, PrintStream output, LaunchOptions options) {
        this.ports = ports;
        this.home = home.toAbsolutePath().normalize();
        this.output = output;
        this.options = options;
        this.baseDomain = "lb.localhost";
    }

    /** Starts everything and waits until panel and node report UP. On failure, stops what started. */
    public synchronized LocalStack start() {
        requireJar(PANEL_JAR);
        if (options.withNode()) {
            requireJar(NODE_JAR);
        }
        try {
            Path work = Files.createTempDirectory("signalbox-devstack");
            workDirectory = work;
            agentJar = ParentWatchJar.write(work);
            // run copies: rebuilding the project while the stack runs must not pull jars from under it
            copyJar(PANEL_JAR, work);
            if (options.withNode()) {
                copyJar(NODE_JAR, work);
            }
            Path postgresData = work.resolve("postgres");
            postgres = EmbeddedPostgres.start(ports.postgres(), postgresData);
            kafka = EmbeddedKafka.start(ports.kafka(), work.resolve("kafka"), false);
            redis = EmbeddedRedis.start(ports.redis());
            reaper = OrphanReaper.watch(postgresData.resolve("postmaster.pid"), work);
            smtp = EmbeddedSmtp.start(ports.smtp());
            if (!options.withNode()) {
                log.info("Postgres, Kafka, Redis and SMTP are up; starting the panel (no gateway node)");
                panel = startPanel();
                panel.awaitHealthy(panelUrl().resolve("/actuator/health"), STARTUP);
                return this;
            }
            targets = DemoTargets.start(ports.target1(), ports.target2());
            log.info("Postgres, Kafka, Redis and SMTP are up; starting the panel and node-1");
            panel = startPanel();
            node = startNode("node-1");
            panel.awaitHealthy(panelUrl().resolve("/actuator/health"), STARTUP);
            node.awaitHealthy(nodeHealthUrl(), STARTUP);
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public StackPorts ports() {
        return ports;
    }

    public URI panelUrl() {
        return URI.create("http://127.0.0.1:" + ports.panel() + "/");
    }

    public String baseDomain() {
        return baseDomain;
    }

    public synchronized EmbeddedKafka kafka() {
        return required(kafka, "kafka");
    }

    public synchronized EmbeddedSmtp smtp() {
        return required(smtp, "smtp");
    }

    public synchronized DemoTargets targets() {
        return required(targets, "demo targets");
    }

    public synchronized ServiceProcess node() {
        return required(node, "node");
    }

    /** Kills the running gateway node (as a crash would) and starts a fresh one with {@code nodeId}. */
    public synchronized ServiceProcess replaceNode(String nodeId) {
        required(node, "node").kill();
        node = startNode(nodeId);
        node.awaitHealthy(nodeHealthUrl(), STARTUP);
        return node;
    }

    /** Stops the children first (they use the services), then the services; removes all data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(reaper);
        List<ServiceProcess> children = Stream.of(node, panel).filter(Objects::nonNull).toList();
        children.forEach(ServiceProcess::requestStop);
        children.forEach(ServiceProcess::awaitExit);
        closeQuietly(targets);
        closeQuietly(kafka);
        closeQuietly(redis);
        closeQuietly(smtp);
        closeQuietly(postgres);
        if (workDirectory != null) {
            try {
                Directories.deleteRecursively(workDirectory);
            } catch (RuntimeException e) {
                log.warn("Could not remove {}: {}", workDirectory, e.toString());
            }
        }
    }

    private ServiceProcess startPanel() {
        EmbeddedPostgres database = required(postgres, "postgres");
        return ServiceProcess.start("panel", runCopy(PANEL_JAR), List.of(
                "--server.port=" + ports.panel(),
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + required(kafka, "kafka").bootstrapServers(),
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + ports.redis(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + ports.smtp(),
                "--signalbox.base-domain=" + baseDomain,
                "--signalbox.data-plane-keys." + KEY_ID + "=" + dataPlaneKey,
                "--signalbox.certificates.at-rest-keys." + KEY_ID + "=" + atRestKey),
                childDirectory("panel"), required(agentJar, "agent jar"), output);
    }

    private ServiceProcess startNode(String nodeId) {
        return ServiceProcess.start(nodeId, runCopy(NODE_JAR), List.of(
                "--server.port=" + ports.nodeAdmin(),
                "--server.address=127.0.0.1",
                "--signalbox.node.listen-address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + required(kafka, "kafka").bootstrapServers(),
                "--signalbox.node.id=" + nodeId,
                // the panel's key, so the node opens the private keys the panel seals
                "--signalbox.node.data-plane-keys." + KEY_ID + "=" + dataPlaneKey,
                // the node's last applied snapshots live and die with this stack, not in the shared temp dir
                "--signalbox.node.state-dir=" + childDirectory(nodeId).resolve("state")),
                // a fresh directory per node: whatever a node keeps on disk is not shared with its successor
                childDirectory(nodeId), required(agentJar, "agent jar"), output);
    }

    private URI nodeHealthUrl() {
        return URI.create("http://127.0.0.1:" + ports.nodeAdmin() + "/actuator/health");
    }

    private Path childDirectory(String name) {
        return required(workDirectory, "work directory").resolve(name);
    }

    private void copyJar(String relative, Path work) throws IOException {
        Path copy = work.resolve("jars").resolve(Path.of(relative).getFileName());
        Files.createDirectories(copy.getParent());
        Files.copy(home.resolve(relative), copy);
    }

    private Path runCopy(String relative) {
        return childDirectory("jars").resolve(Path.of(relative).getFileName());
    }

    private void requireJar(String relative) {
        if (!Files.isRegularFile(home.resolve(relative))) {
            throw new IllegalStateException(home.resolve(relative)
                    + " is missing: build it first with ./mvnw -B -DskipTests package");
        }
    }

    /** 32 random bytes in base64: an AES-256 key as the panel and the node read it. */
    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static <T> T required(@Nullable T value, String what) {
        if (value == null) {
            throw new IllegalStateException("The local stack has no " + what + " (not started, or closed)");
        }
        return value;
    }

    private static void closeQuietly(@Nullable AutoCloseable service) {
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (Exception e) {
            log.warn("Could not stop {}: {}", service.getClass().getSimpleName(), e.toString());
        }
    }
}
