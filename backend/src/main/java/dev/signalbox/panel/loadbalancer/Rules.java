package dev.signalbox.panel.loadbalancer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.conditional.EntityTag;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.KeysetQuery;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.problem.ConflictException;
import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.panel.problem.NotFoundException;
import dev.signalbox.protocol.ListenerProtocol;
import dev.signalbox.protocol.RuleSnapshot;

/** Rules of HTTP(S) listeners: unique priorities, validated conditions and actions, shadowing warnings. */
@Service
public class Rules {

    private final RuleRepository repository;
    private final Listeners listeners;
    private final LoadBalancers loadBalancers;
    private final ForwardTargetCheck forwardTargets;
    private final ForwardReferences forwardReferences;
    private final ResourceLimits limits;
    private final EntityManager entityManager;
    private final Clock clock;

    Rules(RuleRepository repository, Listeners listeners, LoadBalancers loadBalancers,
            ForwardTargetCheck forwardTargets, ForwardReferences forwardReferences, ResourceLimits limits,
            EntityManager entityManager, Clock clock) {
        this.repository = repository;
        this.entityManager = entityManager;
        this.listeners = listeners;
        this.loadBalancers = loadBalancers;
        this.forwardTargets = forwardTargets;
        this.forwardReferences = forwardReferences;
        this.limits = limits;
        this.clock = clock;
    }

    /** Every rule of a load balancer with its listener id, by priority (the load balancer is assumed to be in the tenant). */
    @Transactional(readOnly = true)
    public List<RuleView> ofLoadBalancer(UUID tenantId, UUID loadBalancerId) {
        return repository.findByTenantIdAndLoadBalancerIdOrderByPriority(tenantId, loadBalancerId).stream()
                .map(rule -> new RuleView(rule.listenerId(), rule.snapshot(), List.of())).toList();
    }

    /** A page of the listener's rules by priority (unique per listener); warnings weigh every rule, not just the page. */
    @Transactional(readOnly = true)
    Page<RuleView> list(UUID tenantId, UUID loadBalancerId, UUID listenerId, PageQuery page) {
        requireListener(tenantId, loadBalancerId, listenerId);
        List<RuleSnapshot> rules = snapshots(tenantId, listenerId);
        return KeysetQuery.of(entityManager, Rule.class, "priority")
                .whereEqual("tenantId", tenantId)
                .whereEqual("listenerId", listenerId)
                .page(page)
                .map(rule -> view(listenerId, rule.snapshot(), rules));
    }

    @Transactional(readOnly = true)
    public RuleView get(UUID tenantId, UUID loadBalancerId, UUID listenerId, UUID ruleId) {
        requireListener(tenantId, loadBalancerId, listenerId);
        return view(listenerId, load(tenantId, listenerId, ruleId).snapshot(), snapshots(tenantId, listenerId));
    }

    @Transactional
    public RuleView create(SignalboxPrincipal actor, UUID loadBalancerId, UUID listenerId, RuleSettings settings) {
        UUID tenantId = actor.tenantId();
        ListenerInfo listener = requireHttpListener(tenantId, loadBalancerId, listenerId);
        FieldViolation.throwIfAny(violations(tenantId, loadBalancerId, listener.protocol(), settings, ""));
        ResourceLimits.check(repository.countByListenerId(listenerId) + 1, limits.rulesPerListener(),
                "rules-per-listener", "rules per listener");
        requirePriorityFree(listenerId, settings.priority(), null);
        Rule rule = repository.saveAndFlush(new Rule(tenantId, loadBalancerId, listenerId, settings, clock.instant()));
        forwardReferences.replaceForRule(tenantId, loadBalancerId, rule.id(), settings.action());
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(), "Rule " + settings.priority() + " added to listener "
                + listener.protocol() + ":" + listener.port());
        return view(listenerId, rule.snapshot(), snapshots(tenantId, listenerId));
    }

    @Transactional
    public RuleView update(SignalboxPrincipal actor, UUID loadBalancerId, UUID listenerId, UUID ruleId,
            RuleSettings settings, IfMatch ifMatch) {
        UUID tenantId = actor.tenantId();
        ListenerInfo listener = requireHttpListener(tenantId, loadBalancerId, listenerId);
        Rule rule = loadLocked(tenantId, listenerId, ruleId);
        ifMatch.verify(EntityTag.of(rule.snapshot()));
        FieldViolation.throwIfAny(violations(tenantId, loadBalancerId, listener.protocol(), settings, ""));
        requirePriorityFree(listenerId, settings.priority(), ruleId);
        rule.change(settings);
        repository.flush();
        forwardReferences.replaceForRule(tenantId, loadBalancerId, ruleId, settings.action());
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(), "Rule " + settings.priority()
                + " of listener " + listener.protocol() + ":" + listener.port() + " updated");
        return view(listenerId, rule.snapshot(), snapshots(tenantId, listenerId));
    }

    @Transactional
    public void delete(SignalboxPrincipal actor, UUID loadBalancerId, UUID listenerId, UUID ruleId, IfMatch ifMatch) {
        UUID tenantId = actor.tenantId();
        ListenerInfo listener = requireListener(tenantId, loadBalancerId, listenerId);
        Rule rule = loadLocked(tenantId, listenerId, ruleId);
        ifMatch.verify(EntityTag.of(rule.snapshot()));
        int priority = rule.snapshot().priority();
        repository.delete(rule);
        repository.flush();
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(), "Rule " + priority + " removed from listener "
                + listener.protocol() + ":" + listener.port());
    }

    /** Every problem of a rule's settings on a listener of that protocol, target groups included. */
    public List<FieldViolation> violations(UUID tenantId, UUID loadBalancerId, ListenerProtocol protocol,
            RuleSettings settings, String pointer) {
        List<FieldViolation> violations = new ArrayList<>();
        if (settings.priority() < 1 || settings.priority() > 50_000) {
            violations.add(new FieldViolation(pointer + "/priority", "must be 1 to 50000"));
        }
        violations.addAll(ConditionRules.validate(settings.conditions(), pointer + "/conditions", limits));
        violations.addAll(ActionRules.validate(settings.action(), pointer + "/action", protocol, limits));
        violations.addAll(forwardTargets.check(tenantId, loadBalancerId, settings.action(), pointer + "/action",
                protocol));
        return violations;
    }

    private ListenerInfo requireListener(UUID tenantId, UUID loadBalancerId, UUID listenerId) {
        loadBalancers.require(tenantId, loadBalancerId);
        return listeners.require(tenantId, loadBalancerId, listenerId);
    }

    private ListenerInfo requireHttpListener(UUID tenantId, UUID loadBalancerId, UUID listenerId) {
        ListenerInfo listener = requireListener(tenantId, loadBalancerId, listenerId);
        if (listener.protocol() == ListenerProtocol.TCP) {
            throw new ConflictException("A TCP listener has no rules: it forwards every connection to its default action");
        }
        return listener;
    }

    private void requirePriorityFree(UUID listenerId, int priority, @Nullable UUID ruleId) {
        boolean taken = repository.findByListenerIdAndPriority(listenerId, priority)
                .filter(existing -> !existing.id().equals(ruleId)).isPresent();
        if (taken) {
            throw new ConflictException("Priority " + priority + " is taken by another rule of this listener");
        }
    }

    private List<RuleSnapshot> snapshots(UUID tenantId, UUID listenerId) {
        return repository.findByTenantIdAndListenerIdOrderByPriority(tenantId, listenerId).stream()
                .map(Rule::snapshot).toList();
    }

    private static RuleView view(UUID listenerId, RuleSnapshot rule, List<RuleSnapshot> all) {
        return new RuleView(listenerId, rule, ShadowAnalysis.warnings(rule, all));
    }

    private Rule load(UUID tenantId, UUID listenerId, UUID ruleId) {
        return repository.findByIdAndTenantIdAndListenerId(ruleId, tenantId, listenerId)
                .orElseThrow(() -> notFound(listenerId, ruleId));
    }

    private Rule loadLocked(UUID tenantId, UUID listenerId, UUID ruleId) {
        return repository.findLockedByIdAndTenantIdAndListenerId(ruleId, tenantId, listenerId)
                .orElseThrow(() -> notFound(listenerId, ruleId));
    }

    private static NotFoundException notFound(UUID listenerId, UUID ruleId) {
        return new NotFoundException("No rule " + ruleId + " in listener " + listenerId);
    }
}
