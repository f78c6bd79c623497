package dev.signalbox.panel.targetgroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.TargetsApi;
import dev.signalbox.panel.api.model.DeregisterTargetsRequest;
import dev.signalbox.panel.api.model.RegisterTargetsRequest;
import dev.signalbox.panel.api.model.TargetAddress;
import dev.signalbox.panel.api.model.Target;
import dev.signalbox.panel.api.model.TargetList;
import dev.signalbox.panel.api.model.TargetRequest;
import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.problem.InvalidFieldException;

@RestController
class TargetController implements TargetsApi {

    private static final int DEFAULT_WEIGHT = 1;

    private final Targets targets;
    private final CurrentPrincipal currentPrincipal;

    TargetController(Targets targets, CurrentPrincipal currentPrincipal) {
        this.targets = targets;
        this.currentPrincipal = currentPrincipal;
    }

    @Override
    public ResponseEntity<TargetList> listTargets(UUID loadBalancerId, UUID targetGroupId, Integer limit,
            @Nullable String cursor) {
        Page<TargetInfo> page = targets.list(currentPrincipal.get().tenantId(), loadBalancerId, targetGroupId,
                PageQuery.of(limit, cursor));
        return ResponseEntity.ok(toDto(page.items()).nextCursor(page.nextCursor()));
    }

    @Override
    public ResponseEntity<Target> getTarget(UUID loadBalancerId, UUID targetGroupId, UUID targetId) {
        TargetInfo info = targets.get(currentPrincipal.get().tenantId(), loadBalancerId, targetGroupId, targetId);
        return ResponseEntity.ok().eTag(info.entityTag().header()).body(toDto(info));
    }

    /** An {@code Idempotency-Key} is honoured by the idempotency filter around every create. */
    @Override
    public ResponseEntity<TargetList> registerTargets(UUID loadBalancerId, UUID targetGroupId,
            RegisterTargetsRequest request, @Nullable String idempotencyKey) {
        List<Targets.Registration> registrations = new ArrayList<>();
        for (int i = 0; i < request.getTargets().size(); i++) {
            TargetRequest target = request.getTargets().get(i);
            if (target == null) {
                throw new InvalidFieldException("/targets/" + i, "must be a target, not null");
            }
            int weight = target.getWeight() == null ? DEFAULT_WEIGHT : target.getWeight();
            registrations.add(new Targets.Registration(target.getHost().toLowerCase(Locale.ROOT), target.getPort(), weight));
        }
        return ResponseEntity.ok(toDto(targets.register(currentPrincipal.get(), loadBalancerId, targetGroupId,
                registrations)));
    }

    /** An {@code Idempotency-Key} is honoured by the idempotency filter (a retried call is harmless anyway). */
    @Override
    public ResponseEntity<TargetList> deregisterTargets(UUID loadBalancerId, UUID targetGroupId,
            DeregisterTargetsRequest request, @Nullable String idempotencyKey) {
        List<Targets.Address> addresses = new ArrayList<>();
        for (int i = 0; i < request.getTargets().size(); i++) {
            TargetAddress target = request.getTargets().get(i);
            if (target == null) {
                throw new InvalidFieldException("/targets/" + i, "must be a target, not null");
            }
            addresses.add(new Targets.Address(target.getHost().toLowerCase(Locale.ROOT), target.getPort()));
        }
        return ResponseEntity.ok(toDto(targets.deregister(currentPrincipal.get(), loadBalancerId, targetGroupId,
                addresses)));
    }

    @Override
    public ResponseEntity<Void> deregisterTarget(UUID loadBalancerId, UUID targetGroupId, UUID targetId,
            @Nullable String ifMatch) {
        targets.deregister(currentPrincipal.get(), loadBalancerId, targetGroupId, targetId, IfMatch.parse(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static TargetList toDto(List<TargetInfo> infos) {
        return new TargetList(infos.stream().map(TargetController::toDto).toList());
    }

    private static Target toDto(TargetInfo info) {
        return new Target(info.id(), info.host(), info.port(), info.weight());
    }
}
