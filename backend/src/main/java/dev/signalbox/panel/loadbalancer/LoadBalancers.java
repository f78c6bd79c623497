package dev.signalbox.panel.loadbalancer;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.problem.ConflictException;
import dev.signalbox.panel.problem.FieldViolation;
import dev.signalbox.panel.problem.NotFoundException;
import dev.signalbox.panel.tenant.Tenants;

/** Load balancers of a tenant, and the revision counter every change under one of them bumps. */
@Service
public class LoadBalancers {

    private final LoadBalancerRepository repository;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final Tenants tenants;
    private final DnsNames dnsNames;
    private final LoadBalancerAttributeStore attributeStore;
    private final PortRegistry ports;
    private final ResourceLimits limits;
    private final Clock clock;
    /** The load balancer whose changes on this thread become one revision, see {@link #reviseOnce}. */
    private final ThreadLocal<@Nullable UUID> batched = new ThreadLocal<>();

    LoadBalancers(LoadBalancerRepository repository, EntityManager entityManager, ApplicationEventPublisher events,
            Tenants tenants, DnsNames dnsNames, LoadBalancerAttributeStore attributeStore, PortRegistry ports,
            ResourceLimits limits, Clock clock) {
        this.repository = repository;
        this.entityManager = entityManager;
        this.events = events;
        this.tenants = tenants;
        this.dnsNames = dnsNames;
        this.attributeStore = attributeStore;
        this.ports = ports;
        this.limits = limits;
        this.clock = clock;
    }

    /** The extra host names and tags of a load balancer (assumed to be in the tenant). */
    @Transactional(readOnly = true)
    public LoadBalancerAttributes attributes(UUID tenantId, UUID loadBalancerId) {
        return attributeStore.read(tenantId, loadBalancerId);
    }

    /** The problems of extra host names and tags, for callers that collect every error of a document. */
    public List<FieldViolation> validate(LoadBalancerAttributes attributes) {
        return LoadBalancerAttributeRules.validate(attributes.hostNames(), attributes.tags(), dnsNames.baseDomain(),
                limits);
    }

    /** Replaces the extra host names and tags; a host name another load balancer serves on a shared port is a 409. */
    @Transactional
    public LoadBalancerInfo update(SignalboxPrincipal actor, UUID loadBalancerId, LoadBalancerAttributes attributes) {
        LoadBalancer loadBalancer = load(actor.tenantId(), loadBalancerId);
        FieldViolation.throwIfAny(validate(attributes));
        ports.claimHostNames(loadBalancerId, attributes.hostNames());
        attributeStore.replace(actor.tenantId(), loadBalancerId, attributes);
        revise(actor.tenantId(), loadBalancerId, actor.actor(), "Load balancer " + loadBalancer.name()
                + ": host names " + attributes.hostNames() + ", " + attributes.tags().size() + " tag(s)");
        return require(actor.tenantId(), loadBalancerId);
    }

    /** The load balancer, if it exists in the tenant; another tenant's is "not found". */
    @Transactional(readOnly = true)
    public LoadBalancerInfo require(UUID tenantId, UUID loadBalancerId) {
        LoadBalancer loadBalancer = load(tenantId, loadBalancerId);
        return info(loadBalancer, tenants.require(tenantId).slug());
    }

    /**
     * Moves the load balancer to its next revision after a change under it and announces
     * {@link LoadBalancerRevised}. The row lock orders concurrent changes: each revision's
     * snapshot, taken after the lock, sees every change committed before it.
     */
    @Transactional
    public long revise(UUID tenantId, UUID loadBalancerId, String actor, String summary) {
        LoadBalancer loadBalancer = load(tenantId, loadBalancerId);
        if (loadBalancerId.equals(batched.get())) {
            return loadBalancer.revision();
        }
        entityManager.refresh(loadBalancer, LockModeType.PESSIMISTIC_WRITE);
        long revision = loadBalancer.nextRevision(clock.instant());
        entityManager.flush();
        events.publishEvent(new LoadBalancerRevised(tenantId, loadBalancerId, revision, actor, summary));
        return revision;
    }

    /**
     * Locks the load balancer for the rest of the transaction, so that reading its configuration,
     * planning and applying changes sees no concurrent change in between.
     */
    @Transactional
    public LoadBalancerInfo lock(UUID tenantId, UUID loadBalancerId) {
        entityManager.refresh(load(tenantId, loadBalancerId), LockModeType.PESSIMISTIC_WRITE);
        return require(tenantId, loadBalancerId);
    }

    /**
     * Runs {@code changes}, made through the services of this and other features, as ONE revision
     * with {@code summary}: the revisions those services would each make are folded into it.
     */
    @Transactional
    public long reviseOnce(SignalboxPrincipal actor, UUID loadBalancerId, String summary, Runnable changes) {
        lock(actor.tenantId(), loadBalancerId);
        batched.set(loadBalancerId);
        try {
            changes.run();
        } finally {
            batched.remove();
        }
        return revise(actor.tenantId(), loadBalancerId, actor.actor(), summary);
    }

    @Transactional(readOnly = true)
    List<LoadBalancerInfo> list(UUID tenantId) {
        String slug = tenants.require(tenantId).slug();
        return repository.findByTenantIdOrderByName(tenantId).stream().map(lb -> info(lb, slug)).toList();
    }

    @Transactional
    public LoadBalancerInfo create(SignalboxPrincipal actor, String name, LoadBalancerAttributes attributes) {
        FieldViolation.throwIfAny(validate(attributes));
        if (repository.existsByTenantIdAndName(actor.tenantId(), name)) {
            throw new ConflictException("A load balancer named '" + name + "' exists; choose another name");
        }
        ResourceLimits.check(repository.countByTenantId(actor.tenantId()) + 1, limits.loadBalancersPerTenant(),
                "load-balancers-per-tenant", "load balancers per tenant");
        LoadBalancer loadBalancer = repository.saveAndFlush(new LoadBalancer(actor.tenantId(), name, clock.instant()));
        // no listener yet, so no port claims its host names
        attributeStore.replace(actor.tenantId(), loadBalancer.id(), attributes);
        events.publishEvent(new LoadBalancerRevised(actor.tenantId(), loadBalancer.id(), loadBalancer.revision(),
                actor.actor(), "Load balancer " + name + " created"));
        return info(loadBalancer, tenants.require(actor.tenantId()).slug());
    }

    /** Deletes the load balancer; the database cascades to its listeners, target groups and targets. */
    @Transactional
    void delete(SignalboxPrincipal actor, UUID loadBalancerId) {
        LoadBalancer loadBalancer = load(actor.tenantId(), loadBalancerId);
        entityManager.lock(loadBalancer, LockModeType.PESSIMISTIC_WRITE);
        repository.delete(loadBalancer);
        repository.flush();
        events.publishEvent(new LoadBalancerDeleted(actor.tenantId(), loadBalancerId, actor.actor()));
    }

    private LoadBalancer load(UUID tenantId, UUID loadBalancerId) {
        return repository.findByIdAndTenantId(loadBalancerId, tenantId)
                .orElseThrow(() -> new NotFoundException("No load balancer " + loadBalancerId));
    }

    private LoadBalancerInfo info(LoadBalancer loadBalancer, String tenantSlug) {
        return new LoadBalancerInfo(loadBalancer.id(), loadBalancer.tenantId(), loadBalancer.name(),
                dnsNames.of(loadBalancer.name(), tenantSlug), loadBalancer.revision(), loadBalancer.createdAt());
    }
}
