package dev.signalbox.panel.loadbalancer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import dev.signalbox.panel.api.RulesApi;
import dev.signalbox.panel.api.model.Rule;
import dev.signalbox.panel.api.model.RuleList;
import dev.signalbox.panel.api.model.RuleRequest;
import dev.signalbox.panel.auth.CurrentPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.protocol.ActionSnapshot;
import dev.signalbox.protocol.ConditionSnapshot;

@RestController
class RuleController implements RulesApi {

    private final Rules rules;
    private final CurrentPrincipal currentPrincipal;

    RuleController(Rules rules, CurrentPrincipal currentPrincipal) {
        this.rules = rules;
        this.currentPrincipal = currentPrincipal;
    }

    @Override
    public ResponseEntity<RuleList> listRules(UUID loadBalancerId, UUID listenerId, Integer limit,
            @Nullable String cursor) {
        Page<RuleView> page = rules.list(currentPrincipal.get().tenantId(), loadBalancerId, listenerId,
                PageQuery.of(limit, cursor));
        return ResponseEntity.ok(new RuleList(page.items().stream().map(RuleController::toDto).toList())
                .nextCursor(page.nextCursor()));
    }

    /** An {@code Idempotency-Key} is honoured by the idempotency filter around every create. */
    @Override
    public ResponseEntity<Rule> createRule(UUID loadBalancerId, UUID listenerId, RuleRequest request,
            @Nullable String idempotencyKey) {
        RuleView created = rules.create(currentPrincipal.get(), loadBalancerId, listenerId, settings(request));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(created.entityTag().header()).body(toDto(created));
    }

    @Override
    public ResponseEntity<Rule> getRule(UUID loadBalancerId, UUID listenerId, UUID ruleId) {
        RuleView view = rules.get(currentPrincipal.get().tenantId(), loadBalancerId, listenerId, ruleId);
        return ResponseEntity.ok().eTag(view.entityTag().header()).body(toDto(view));
    }

    @Override
    public ResponseEntity<Rule> updateRule(UUID loadBalancerId, UUID listenerId, UUID ruleId, RuleRequest request,
            @Nullable String ifMatch) {
        RuleView updated = rules.update(currentPrincipal.get(), loadBalancerId, listenerId, ruleId, settings(request),
                IfMatch.parse(ifMatch));
        return ResponseEntity.ok().eTag(updated.entityTag().header()).body(toDto(updated));
    }

    @Override
    public ResponseEntity<Void> deleteRule(UUID loadBalancerId, UUID listenerId, UUID ruleId,
            @Nullable String ifMatch) {
        rules.delete(currentPrincipal.get(), loadBalancerId, listenerId, ruleId, IfMatch.parse(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static RuleSettings settings(RuleRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        List<ConditionSnapshot> conditions = ConditionDtos.toSnapshots(request.getConditions(), "/conditions", violations);
        ActionSnapshot action = ActionDtos.toSnapshot(request.getAction(), "/action", violations);
        FieldViolation.throwIfAny(violations);
        return new RuleSettings(request.getPriority(), conditions, action);
    }

    static Rule toDto(RuleView view) {
        return new Rule(view.rule().id(), view.rule().priority(), ConditionDtos.toDtos(view.rule().conditions()),
                ActionDtos.toDto(view.rule().action()), view.warnings());
    }
}
