package dev.signalbox.panel.loadbalancer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.KeysetQuery;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.problem.ConflictException;
import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.panel.problem.NotFoundException;
import dev.signalbox.protocol.ListenerProtocol;

/** Listeners of load balancers, with their ports claimed in the fleet-wide registry. */
@Service
public class Listeners {

    private final ListenerRepository repository;
    private final LoadBalancers loadBalancers;
    private final ForwardTargetCheck forwardTargets;
    private final ForwardReferences forwardReferences;
    private final ListenerCertificates certificates;
    private final PortRegistry ports;
    private final ResourceLimits limits;
    private final EntityManager entityManager;
    private final Clock clock;

    Listeners(ListenerRepository repository, LoadBalancers loadBalancers, ForwardTargetCheck forwardTargets,
            ForwardReferences forwardReferences, ListenerCertificates certificates, PortRegistry ports,
            ResourceLimits limits, EntityManager entityManager, Clock clock) {
        this.repository = repository;
        this.entityManager = entityManager;
        this.loadBalancers = loadBalancers;
        this.forwardTargets = forwardTargets;
        this.forwardReferences = forwardReferences;
        this.certificates = certificates;
        this.ports = ports;
        this.limits = limits;
        this.clock = clock;
    }

    /** The listeners of a load balancer, by port (the load balancer is assumed to be in the tenant). */
    @Transactional(readOnly = true)
    public List<ListenerInfo> of(UUID tenantId, UUID loadBalancerId) {
        return repository.findByTenantIdAndLoadBalancerIdOrderByPort(tenantId, loadBalancerId).stream()
                .map(Listener::info).toList();
    }

    /** Whether some listener or rule forwards to the target group, which then must not be deleted. */
    @Transactional(readOnly = true)
    public boolean anyForwardsTo(UUID tenantId, UUID targetGroupId) {
        return forwardReferences.anyTo(tenantId, targetGroupId);
    }

    /** How many listeners serve the certificate, which then must not be deleted. */
    @Transactional(readOnly = true)
    public long countServing(UUID tenantId, UUID certificateId) {
        return certificates.countUsing(tenantId, certificateId);
    }

    /** The problems of an HTTPS listener's certificate ids: each must name a certificate of the tenant. */
    @Transactional(readOnly = true)
    public List<FieldViolation> certificateViolations(UUID tenantId, List<UUID> certificateIds, String pointer) {
        return certificates.check(tenantId, certificateIds, pointer);
    }

    /** A page of the load balancer's listeners, by port (unique per load balancer, so a stable order). */
    @Transactional(readOnly = true)
    Page<ListenerInfo> list(UUID tenantId, UUID loadBalancerId, PageQuery page) {
        loadBalancers.require(tenantId, loadBalancerId);
        return KeysetQuery.of(entityManager, Listener.class, "port")
                .whereEqual("tenantId", tenantId)
                .whereEqual("loadBalancerId", loadBalancerId)
                .page(page)
                .map(Listener::info);
    }

    @Transactional(readOnly = true)
    public ListenerInfo get(UUID tenantId, UUID loadBalancerId, UUID listenerId) {
        loadBalancers.require(tenantId, loadBalancerId);
        return load(tenantId, loadBalancerId, listenerId).info();
    }

    @Transactional
    public ListenerInfo create(SignalboxPrincipal actor, UUID loadBalancerId, ListenerSettings settings) {
        UUID tenantId = actor.tenantId();
        loadBalancers.require(tenantId, loadBalancerId);
        validate(tenantId, loadBalancerId, settings);
        ResourceLimits.check(repository.countByLoadBalancerId(loadBalancerId) + 1, limits.listenersPerLoadBalancer(),
                "listeners-per-load-balancer", "listeners per load balancer");
        requirePortFree(loadBalancerId, settings.port(), null);
        Listener listener = repository.saveAndFlush(new Listener(tenantId, loadBalancerId, settings, clock.instant()));
        claim(tenantId, loadBalancerId, listener.id(), settings);
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(),
                "Listener " + settings.protocol() + ":" + settings.port() + " added");
        return listener.info();
    }

    /** Replaces a listener's settings; it may switch between HTTP and HTTPS but not to or from TCP. */
    @Transactional
    public ListenerInfo update(SignalboxPrincipal actor, UUID loadBalancerId, UUID listenerId,
            ListenerSettings settings, IfMatch ifMatch) {
        UUID tenantId = actor.tenantId();
        Listener listener = loadLocked(tenantId, loadBalancerId, listenerId);
        ifMatch.verify(listener.info().entityTag());
        validate(tenantId, loadBalancerId, settings);
        if ((listener.protocol() == ListenerProtocol.TCP) != (settings.protocol() == ListenerProtocol.TCP)) {
            throw new ConflictException("A listener cannot change between TCP and HTTP(S); add a new listener instead");
        }
        requirePortFree(loadBalancerId, settings.port(), listenerId);
        ports.releaseListener(listenerId);
        listener.change(settings);
        repository.flush();
        claim(tenantId, loadBalancerId, listenerId, settings);
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(),
                "Listener " + settings.protocol() + ":" + settings.port() + " updated");
        return listener.info();
    }

    @Transactional
    public void delete(SignalboxPrincipal actor, UUID loadBalancerId, UUID listenerId, IfMatch ifMatch) {
        UUID tenantId = actor.tenantId();
        Listener listener = loadLocked(tenantId, loadBalancerId, listenerId);
        ListenerInfo info = listener.info();
        ifMatch.verify(info.entityTag());
        ports.releaseListener(listenerId);
        repository.delete(listener);
        repository.flush();
        loadBalancers.revise(tenantId, loadBalancerId, actor.actor(),
                "Listener " + info.protocol() + ":" + info.port() + " removed");
    }

    /** Every problem of the settings, the target groups they forward to included. */
    public List<FieldViolation> violations(UUID tenantId, UUID loadBalancerId, ListenerSettings settings) {
        List<FieldViolation> violations = new ArrayList<>(ListenerRules.validate(settings, "", limits));
        violations.addAll(forwardTargets.check(tenantId, loadBalancerId, settings.defaultAction(), "/defaultAction",
                settings.protocol()));
        if (settings.protocol() == ListenerProtocol.HTTPS) {
            violations.addAll(certificates.check(tenantId, settings.certificateIds(), "/certificateIds"));
        }
        return violations;
    }

    /** The listener's protocol, for rules (which only HTTP(S) listeners have). */
    ListenerInfo require(UUID tenantId, UUID loadBalancerId, UUID listenerId) {
        return load(tenantId, loadBalancerId, listenerId).info();
    }

    private void validate(UUID tenantId, UUID loadBalancerId, ListenerSettings settings) {
        FieldViolation.throwIfAny(violations(tenantId, loadBalancerId, settings));
    }

    private void requirePortFree(UUID loadBalancerId, int port, @Nullable UUID listenerId) {
        boolean taken = repository.findByLoadBalancerIdAndPort(loadBalancerId, port)
                .filter(existing -> !existing.id().equals(listenerId)).isPresent();
        if (taken) {
            throw new ConflictException("The load balancer already has a listener on port " + port);
        }
    }

    private void claim(UUID tenantId, UUID loadBalancerId, UUID listenerId, ListenerSettings settings) {
        ports.claimListener(loadBalancerId, listenerId, settings.protocol(), settings.port(),
                loadBalancers.attributes(tenantId, loadBalancerId).hostNames());
        forwardReferences.replaceForListener(tenantId, loadBalancerId, listenerId, settings.defaultAction());
        certificates.replaceForListener(tenantId, listenerId, settings.certificateIds());
    }

    private Listener load(UUID tenantId, UUID loadBalancerId, UUID listenerId) {
        return repository.findByIdAndTenantIdAndLoadBalancerId(listenerId, tenantId, loadBalancerId)
                .orElseThrow(() -> notFound(loadBalancerId, listenerId));
    }

    /** With its row locked, so an If-Match check and the change it guards cannot interleave with another. */
    private Listener loadLocked(UUID tenantId, UUID loadBalancerId, UUID listenerId) {
        loadBalancers.require(tenantId, loadBalancerId);
        return repository.findLockedByIdAndTenantIdAndLoadBalancerId(listenerId, tenantId, loadBalancerId)
                .orElseThrow(() -> notFound(loadBalancerId, listenerId));
    }

    private static NotFoundException notFound(UUID loadBalancerId, UUID listenerId) {
        return new NotFoundException("No listener " + listenerId + " in load balancer " + loadBalancerId);
    }
}
