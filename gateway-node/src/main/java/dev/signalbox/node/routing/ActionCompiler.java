package dev.signalbox.node.routing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

import dev.signalbox.node.balancing.GroupSelectorFactory;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.Algorithm;
import dev.signalbox.protocol.FixedResponseSnapshot;
import dev.signalbox.protocol.HashKeySnapshot;
import dev.signalbox.protocol.LoadBalancerSnapshot;
import dev.signalbox.protocol.TargetGroupSnapshot;
import dev.signalbox.protocol.WeightedTargetGroup;

/**
 * Compiles the actions of one snapshot. Every forward to a group shares the group's one selector,
 * so round robin and connection counts span all listeners and rules that use the group.
 */
final class ActionCompiler {

    private final UUID loadBalancerId;
    private final RandomGenerator random;
    private final Map<UUID, RoutingDecision.Forward> forwardsByGroup = new HashMap<>();
    private final RoutingDecision.Forward noTarget;

    ActionCompiler(LoadBalancerSnapshot snapshot, RandomGenerator random, GroupSelectorFactory selectors) {
        this.loadBalancerId = snapshot.id();
        this.random = random;
        this.noTarget = RoutingDecision.Forward.nowhere(loadBalancerId);
        for (TargetGroupSnapshot group : snapshot.targetGroups()) {
            forwardsByGroup.put(group.id(), new RoutingDecision.Forward(loadBalancerId, group, selectors.forGroup(group),
                    group.algorithm() == Algorithm.CONSISTENT_HASH ? hashKeyOf(group) : null));
        }
    }

    RuleAction compile(ActionSnapshot action) {
        return switch (action.type()) {
            case FORWARD -> forward(action.targetGroups(), action.stickinessSeconds());
            case REDIRECT -> action.redirect() == null
                    ? noTarget
                    : new RoutingDecision.Redirect(loadBalancerId, action.redirect().statusCode(),
                            RedirectTemplate.compile(action.redirect()));
            case FIXED_RESPONSE -> action.fixedResponse() == null ? noTarget : fixedResponse(action.fixedResponse());
            // an action newer than this node is answered as if no target were available
            case UNKNOWN -> noTarget;
        };
    }

    private RuleAction forward(List<WeightedTargetGroup> groups, @Nullable Integer stickinessSeconds) {
        List<RoutingDecision.Forward> forwards = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (WeightedTargetGroup group : groups) {
            // weight 0 takes a group out of the split; a group missing from the snapshot has no target
            if (group.weight() > 0) {
                forwards.add(forwardsByGroup.getOrDefault(group.targetGroupId(), noTarget));
                weights.add(group.weight());
            }
        }
        if (forwards.isEmpty()) {
            return noTarget;
        }
        if (forwards.size() == 1) {
            return forwards.get(0);
        }
        return new WeightedForward(forwards, weights, stickinessSeconds, random);
    }

    private RoutingDecision.FixedResponse fixedResponse(FixedResponseSnapshot fixed) {
        return new RoutingDecision.FixedResponse(loadBalancerId, fixed.statusCode(),
                MediaType.parseMediaType(fixed.contentType()),
                (fixed.body() == null ? "" : fixed.body()).getBytes(StandardCharsets.UTF_8));
    }

    /** A consistent-hash group without a key hashes the source IP, as the protocol reads unknown key types. */
    private static HashKeySnapshot hashKeyOf(TargetGroupSnapshot group) {
        HashKeySnapshot hashKey = group.hashKey();
        return hashKey == null ? HashKeySnapshot.sourceIp() : hashKey;
    }
}
