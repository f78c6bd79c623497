package dev.signalbox.panel.loadbalancer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.signalbox.panel.telemetry.AppliedNode;

/**
 * How far the live nodes are with a load balancer's current revision, and how long each took to
 * apply the revision it serves, from the revision's creation.
 *
 * @param revision        the current revision
 * @param nodes           each node with its convergence
 * @param nodesOnRevision the nodes serving the current revision (or a newer one the panel has not committed yet)
 * @param slowestMillis   the slowest convergence of those nodes, null while none is on it or its time is unknown
 */
record NodeConvergence(long revision, List<Node> nodes, int nodesOnRevision, @Nullable Long slowestMillis) {

    /**
     * @param convergenceMillis from the creation of the applied revision to its application; null
     *                          when the revision is no longer in the history
     */
    record Node(AppliedNode applied, boolean onRevision, @Nullable Long convergenceMillis) {
    }

    /**
     * @param createdAt revision → its creation time, for the revisions the nodes applied
     */
    static NodeConvergence of(long revision, List<AppliedNode> applied, Map<Long, Instant> createdAt) {
        List<Node> nodes = applied.stream().map(node -> {
            Instant created = createdAt.get(node.revision());
            // in whole ms, as nodes report; node and panel clocks differ a little: "before" the commit took no time
            Long millis = created == null ? null
                    : Math.max(0, node.appliedAt().toEpochMilli() - created.toEpochMilli());
            return new Node(node, node.revision() >= revision, millis);
        }).toList();
        List<Node> onRevision = nodes.stream().filter(Node::onRevision).toList();
        Long slowest = onRevision.stream().map(Node::convergenceMillis).filter(m -> m != null)
                .max(Long::compare).orElse(null);
        return new NodeConvergence(revision, nodes, onRevision.size(), slowest);
    }
}
