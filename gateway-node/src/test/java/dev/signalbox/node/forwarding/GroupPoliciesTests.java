package dev.signalbox.node.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.node.TestSnapshots;
import dev.signalbox.node.retry.RetryProperties;
import dev.signalbox.node.routing.AppliedConfig;
import dev.signalbox.node.routing.ConfigApplied;
import dev.signalbox.node.routing.ConfigChange;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.StickinessSnapshot;
import dev.signalbox.protocol.TargetGroupAttributesSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;

class GroupPoliciesTests {

    private final GroupPolicies policies = new GroupPolicies(new RetryProperties(20, 10, Duration.ofSeconds(10)),
            () -> 0L);
    private final LoadBalancerSnapshot snapshot = TestSnapshots.loadBalancer(UUID.randomUUID(), 1, List.of("shop.test"),
            8000, List.of(TestSnapshots.target("10.0.0.1", 80)));

    @Test
    void carriesTheGroupsTimeoutsInMilliseconds() {
        GroupPolicies.GroupPolicy policy = policies.of(withTimeouts(250, 7));

        assertThat(policy.connectTimeoutMillis()).isEqualTo(250);
        assertThat(policy.responseTimeoutMillis()).isEqualTo(7_000L);
    }

    @Test
    void requestsOfAGroupShareOnePolicyEvenAcrossRevisionsWithTheSameTimeouts() {
        GroupPolicies.GroupPolicy first = policies.of(withTimeouts(250, 7));

        assertThat(policies.of(withTimeouts(250, 7))).isSameAs(first);
    }

    @Test
    void newTimeoutsGetANewPolicyButKeepTheGroupsRetryBudget() {
        GroupPolicies.GroupPolicy before = policies.of(withTimeouts(250, 7));

        GroupPolicies.GroupPolicy after = policies.of(withTimeouts(1_000, 7));

        assertThat(after.connectTimeoutMillis()).isEqualTo(1_000);
        assertThat(after.retryBudget()).isSameAs(before.retryBudget());
    }

    @Test
    void unsetTimeoutsFallBackToTheProtocolsDefaults() {
        GroupPolicies.GroupPolicy policy = policies.of(withTimeouts(0, 0));

        assertThat(policy.connectTimeoutMillis()).isEqualTo(5_000);
        assertThat(policy.responseTimeoutMillis()).isEqualTo(60_000L);
    }

    @Test
    void forgetsGroupsTheNodeNoLongerServes() {
        GroupPolicies.GroupPolicy served = policies.of(withTimeouts(250, 7));

        policies.onConfigApplied(new ConfigApplied(AppliedConfig.EMPTY));

        assertThat(policies.of(withTimeouts(250, 7)).retryBudget()).isNotSameAs(served.retryBudget());
    }

    @Test
    void keepsGroupsTheNodeStillServes() {
        GroupPolicies.GroupPolicy served = policies.of(withTimeouts(250, 7));

        policies.onConfigApplied(new ConfigApplied(AppliedConfig.EMPTY.apply(List.of(ConfigChange.update(snapshot)),
                Instant.parse("2026-11-27T10:00:00Z"))));

        assertThat(policies.of(withTimeouts(250, 7))).isSameAs(served);
    }

    private TargetGroupSnapshot withTimeouts(int connectTimeoutMillis, int responseTimeoutSeconds) {
        TargetGroupSnapshot group = snapshot.targetGroups().get(0);
        return new TargetGroupSnapshot(group.id(), group.name(), group.protocol(), group.algorithm(),
                group.healthCheck(), group.targets(), group.port(), group.hashKey(),
                new TargetGroupAttributesSnapshot(300, 0, StickinessSnapshot.DISABLED, 1, connectTimeoutMillis,
                        responseTimeoutSeconds));
    }
}
