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
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.paging.KeysetQuery;
import dev.signalbox.panel.paging.NameFilter;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
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
    public LoadBalancerInfo update(SignalboxPrincipal actor, UUID loadBalancerId, LoadBalancerAttributes attributes,
            IfMatch ifMatch) {
        ifMatch.verify(lockForChange(actor.tenantId(), loadBalancerId).entityTag());
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
     * Locks the load balancer for a change of everything under it (e.g. a rollback), so no other
     * change interleaves; returns it as it is once locked. Must run inside the change's transaction.
     */
    @Transactional
    public LoadBalancerInfo lockForChange(UUID tenantId, UUID loadBalancerId) {
        LoadBalancer loadBalancer = load(tenantId, loadBalancerId);
        entityManager.refresh(loadBalancer, LockModeType.PESSIMISTIC_WRITE);
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
     * Runs {@code changes}, made through the services of this and other features, as ONE revision
     * with {@code summary}: the revisions those services would each make are folded into it.
     */
    @Transactional
    public long reviseOnce(SignalboxPrincipal actor, UUID loadBalancerId, String summary, Runnable changes) {
        lockForChange(actor.tenantId(), loadBalancerId);
        batched.set(loadBalancerId);
        try {
            changes.run();
        } finally {
            batched.remove();
        }
        return revise(actor.tenantId(), loadBalancerId, actor.actor(), summary);
    }

    /** A page of the tenant's load balancers by name, optionally only those with a tag. */
    @Transactional(readOnly = true)
    Page<LoadBalancerInfo> list(UUID tenantId, NameFilter names, LoadBalancerAttributes.@Nullable Tag tag,
            PageQuery page) {
        String slug = tenants.require(tenantId).slug();
        KeysetQuery<LoadBalancer> query = KeysetQuery.of(entityManager, LoadBalancer.class, "name")
                .whereEqual("tenantId", tenantId);
        if (tag != null) {
            // a tenant has a bounded number of load balancers, so the ids fit in one IN list
            List<UUID> tagged = attributeStore.taggedWith(tenantId, tag);
            query.where((root, builder) -> tagged.isEmpty() ? builder.disjunction() : root.get("id").in(tagged));
        }
        return query.named("name", names)
                .page(page)
                .map(lb -> info(lb, slug));
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
    void delete(SignalboxPrincipal actor, UUID loadBalancerId, IfMatch ifMatch) {
        LoadBalancer loadBalancer = load(actor.tenantId(), loadBalancerId);
        entityManager.refresh(loadBalancer, LockModeType.PESSIMISTIC_WRITE);
        ifMatch.verify(info(loadBalancer, tenants.require(actor.tenantId()).slug()).entityTag());
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
