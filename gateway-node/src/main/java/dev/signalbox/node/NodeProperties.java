package dev.signalbox.node;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of this node, under {@code signalbox.node.*}.
 *
 * @param id                stable node id in status reports; defaults to the host name, which is
 *                          stable per container and per machine
 * @param heartbeatInterval time between two status reports (and full target health reports)
 * @param metricsInterval   length of a metrics window: traffic is counted per window and sent when it ends
 * @param targetHealthRefresh how often the health of every target is sent even when nothing changed
 *                          (changes go out within 200 ms); a report carries every target of the node,
 *                          so with thousands of targets it is the node's largest message
 * @param listenAddress     address the listener ports bind on
 * @param stateDir          where the node keeps its last applied snapshots, to serve them when it
 *                          starts while Kafka is down; defaults to
 *                          {@code <java.io.tmpdir>/signalbox-node-state/<id>}, named by node id so
 *                          nodes sharing a machine never share it. Point it at a volume to keep the
 *                          state across container replacement.
 * @param eventLoopThreads  threads serving the HTTP listeners and their target connections; 0 for one
 *                          per core the node may use
 */
@ConfigurationProperties("signalbox.node")
public record NodeProperties(
        String id,
        @DefaultValue("2s") Duration heartbeatInterval,
        @DefaultValue("5s") Duration metricsInterval,
        @DefaultValue("10s") Duration targetHealthRefresh,
        @DefaultValue("0.0.0.0") String listenAddress,
        Path stateDir,
        @DefaultValue("0") int eventLoopThreads) {

    public NodeProperties {
        // the binder passes null when the property is absent
        if (id == null || id.isBlank()) {
            id = hostName();
        }
        if (stateDir == null) {
            stateDir = Path.of(System.getProperty("java.io.tmpdir"), "signalbox-node-state", id);
        }
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node-unknown-host";
        }
    }
}
