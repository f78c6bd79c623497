package dev.signalbox.panel.loadbalancer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ActionType;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.TargetProtocol;

/** Checks that a forward names target groups of the same load balancer that speak the listener's kind of protocol. */
@Component
class ForwardTargetCheck {

    private final TargetGroupReferences targetGroups;

    ForwardTargetCheck(TargetGroupReferences targetGroups) {
        this.targetGroups = targetGroups;
    }

    List<FieldViolation> check(UUID tenantId, UUID loadBalancerId, ActionSnapshot action, String pointer,
            ListenerProtocol listenerProtocol) {
        List<FieldViolation> violations = new ArrayList<>();
        if (action.type() != ActionType.FORWARD) {
            return violations;
        }
        for (int i = 0; i < action.targetGroups().size(); i++) {
            UUID id = action.targetGroups().get(i).targetGroupId();
            String at = pointer + "/targetGroups/" + i + "/targetGroupId";
            Optional<TargetProtocol> protocol = targetGroups.protocolOf(tenantId, loadBalancerId, id);
            if (protocol.isEmpty()) {
                violations.add(new FieldViolation(at, "No target group " + id + " in this load balancer"));
            } else if ((listenerProtocol == ListenerProtocol.TCP) != (protocol.get() == TargetProtocol.TCP)) {
                violations.add(new FieldViolation(at, "a " + listenerProtocol + " listener cannot forward to a "
                        + protocol.get() + " target group"));
            }
        }
        return violations;
    }
}
