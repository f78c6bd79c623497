package dev.signalbox.node.state;

import java.nio.file.Path;

import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.ProtocolCodec;

/** The last applied snapshot of every load balancer, one file each, as the config topic carries it. */
public class SnapshotStore extends RevisionedFiles<LoadBalancerSnapshot> {

    public SnapshotStore(Path directory, ProtocolCodec codec) {
        super(directory, "load balancer snapshot", codec::decodeSnapshot, codec::encode, LoadBalancerSnapshot::id,
                LoadBalancerSnapshot::revision);
    }
}
