package dev.signalbox.panel.loadbalancer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.telemetry.AppliedNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class NodeConvergenceTests {

    private static final Instant REVISION_2 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant REVISION_3 = Instant.parse("2026-03-01T10:05:00Z");

    @Test
    void eachNodeTookFromItsRevisionsCreationToApplyingIt() {
        NodeConvergence convergence = NodeConvergence.of(3, List.of(
                new AppliedNode("a", 3, REVISION_3.plusMillis(250)),
                new AppliedNode("b", 2, REVISION_2.plusMillis(100)),
                new AppliedNode("c", 3, REVISION_3.plusMillis(80))), Map.of(2L, REVISION_2, 3L, REVISION_3));

        assertThat(convergence.nodes()).extracting(node -> node.applied().nodeId(), NodeConvergence.Node::onRevision,
                NodeConvergence.Node::convergenceMillis).containsExactly(
                        tuple("a", true, 250L),
                        tuple("b", false, 100L),
                        tuple("c", true, 80L));
        assertThat(convergence.revision()).isEqualTo(3);
        assertThat(convergence.nodesOnRevision()).isEqualTo(2);
        assertThat(convergence.slowestMillis()).as("the slowest node on the current revision, not b").isEqualTo(250);
    }

    @Test
    void aNodeClockBehindThePanelsCountsAsNoTime() {
        NodeConvergence convergence = NodeConvergence.of(3, List.of(new AppliedNode("a", 3, REVISION_3.minusMillis(40))),
                Map.of(3L, REVISION_3));

        assertThat(convergence.nodes().get(0).convergenceMillis()).isZero();
    }

    @Test
    void aRevisionNoLongerInTheHistoryHasNoTime() {
        NodeConvergence convergence = NodeConvergence.of(3, List.of(new AppliedNode("a", 3, REVISION_3)), Map.of());

        assertThat(convergence.nodes().get(0).convergenceMillis()).isNull();
        assertThat(convergence.nodesOnRevision()).isEqualTo(1);
        assertThat(convergence.slowestMillis()).isNull();
    }

    @Test
    void withoutNodesNothingConverged() {
        NodeConvergence convergence = NodeConvergence.of(5, List.of(), Map.of());

        assertThat(convergence.nodes()).isEmpty();
        assertThat(convergence.nodesOnRevision()).isZero();
        assertThat(convergence.slowestMillis()).isNull();
    }
}
