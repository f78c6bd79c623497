package dev.signalbox.panel.certificate;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.auth.SecurityEvent;
import dev.signalbox.panel.auth.SignalboxPrincipal;
import dev.signalbox.panel.conditional.IfMatch;
import dev.signalbox.panel.loadbalancer.Listeners;
import dev.signalbox.panel.loadbalancer.ResourceLimits;
import dev.signalbox.panel.paging.KeysetQuery;
import dev.signalbox.panel.paging.NameFilter;
import dev.signalbox.panel.paging.Page;
import dev.signalbox.panel.paging.PageQuery;
import dev.signalbox.panel.problem.ConflictException;
import dev.signalbox.panel.problem.NotFoundException;
import dev.signalbox.protocol.CertificateSnapshot;

/**
 * The tenant's certificates. A create or replace seals the private key twice (at rest, and for the
 * nodes) and announces {@link CertificateRevised}; no load balancer's revision changes, since nodes
 * take certificates from their own topic. Every change is audited without the key.
 */
@Service
class Certificates {

    private static final String RESOURCE = "certificate";

    private final CertificateRepository repository;
    private final Listeners listeners;
    private final PrivateKeyCiphers ciphers;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final ResourceLimits limits;
    private final Clock clock;

    Certificates(CertificateRepository repository, Listeners listeners, PrivateKeyCiphers ciphers,
            ApplicationEventPublisher events, EntityManager entityManager, ResourceLimits limits, Clock clock) {
        this.repository = repository;
        this.listeners = listeners;
        this.ciphers = ciphers;
        this.events = events;
        this.entityManager = entityManager;
        this.limits = limits;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<CertificateInfo> list(UUID tenantId, NameFilter names, PageQuery page) {
        return KeysetQuery.of(entityManager, StoredCertificate.class, "name")
                .whereEqual("tenantId", tenantId)
                .named("name", names)
                .page(page)
                .map(StoredCertificate::info);
    }

    @Transactional(readOnly = true)
    CertificateInfo get(UUID tenantId, UUID certificateId) {
        return repository.findByIdAndTenantId(certificateId, tenantId).orElseThrow(() -> notFound(certificateId)).info();
    }

    @Transactional
    CertificateInfo create(SignalboxPrincipal actor, CertificateUpload upload) {
        ciphers.requireKeys();
        UUID tenantId = actor.tenantId();
        InspectedCertificate inspected = UploadInspection.inspect(upload.chainPem(), upload.keyPem(), clock.instant());
        try {
            if (repository.existsByTenantIdAndName(tenantId, upload.name())) {
                throw new ConflictException("A certificate named '" + upload.name() + "' exists; choose another name,"
                        + " or replace that one (PUT /certificates/{id})");
            }
            ResourceLimits.check(repository.countByTenantId(tenantId) + 1, limits.certificatesPerTenant(),
                    "certificates-per-tenant", "certificates per tenant");
            UUID id = UUID.randomUUID();
            StoredCertificate certificate = repository.saveAndFlush(new StoredCertificate(id, tenantId, upload.name(),
                    inspected, ciphers.sealAtRest(id, inspected.privateKeyPem()), clock.instant()));
            CertificateInfo info = certificate.info();
            announce(tenantId, info, inspected);
            events.publishEvent(new SecurityEvent(tenantId, "certificate.created", RESOURCE, id.toString(),
                    "Certificate " + info.name() + " uploaded for " + info.details().dnsNames(), null, Map.of(),
                    audited(info)));
            return info;
        } finally {
            inspected.erase();
        }
    }

    /** Replaces name, chain and key under the same id, as the certificate's next revision. */
    @Transactional
    CertificateInfo replace(SignalboxPrincipal actor, UUID certificateId, CertificateUpload upload, IfMatch ifMatch) {
        ciphers.requireKeys();
        UUID tenantId = actor.tenantId();
        StoredCertificate certificate = loadLocked(tenantId, certificateId);
        CertificateInfo before = certificate.info();
        ifMatch.verify(before.entityTag());
        InspectedCertificate inspected = UploadInspection.inspect(upload.chainPem(), upload.keyPem(), clock.instant());
        try {
            if (!upload.name().equals(before.name()) && repository.existsByTenantIdAndName(tenantId, upload.name())) {
                throw new ConflictException("A certificate named '" + upload.name() + "' exists; choose another name");
            }
            certificate.replace(upload.name(), inspected, ciphers.sealAtRest(certificateId, inspected.privateKeyPem()),
                    clock.instant());
            repository.flush();
            CertificateInfo after = certificate.info();
            announce(tenantId, after, inspected);
            events.publishEvent(new SecurityEvent(tenantId, "certificate.replaced", RESOURCE, certificateId.toString(),
                    "Certificate " + after.name() + " replaced (revision " + after.revision() + ")", null,
                    audited(before), audited(after)));
            return after;
        } finally {
            inspected.erase();
        }
    }

    /** Deletes a certificate no listener serves; the nodes get a tombstone. */
    @Transactional
    void delete(SignalboxPrincipal actor, UUID certificateId, IfMatch ifMatch) {
        UUID tenantId = actor.tenantId();
        StoredCertificate certificate = loadLocked(tenantId, certificateId);
        CertificateInfo info = certificate.info();
        ifMatch.verify(info.entityTag());
        long serving = listeners.countServing(tenantId, certificateId);
        if (serving > 0) {
            throw new ConflictException("Certificate '" + info.name() + "' is served by " + serving + " listener"
                    + (serving == 1 ? "" : "s") + "; remove it from their certificateIds (or delete them) first");
        }
        repository.delete(certificate);
        repository.flush();
        events.publishEvent(new CertificateDeleted(tenantId, certificateId));
        events.publishEvent(new SecurityEvent(tenantId, "certificate.deleted", RESOURCE, certificateId.toString(),
                "Certificate " + info.name() + " deleted", null, audited(info), Map.of()));
    }

    /** Seals the key for the nodes and announces the snapshot they will get. */
    private void announce(UUID tenantId, CertificateInfo info, InspectedCertificate inspected) {
        CertificateSnapshot snapshot = new CertificateSnapshot(CertificateSnapshot.SCHEMA_VERSION, info.id(), tenantId,
                info.revision(), info.chainPem(), ciphers.sealForNodes(info.id(), inspected.privateKeyPem()),
                info.details().dnsNames(), info.details().notAfter());
        events.publishEvent(new CertificateRevised(tenantId, info.id(), snapshot));
    }

    /** What the audit log keeps of a certificate: what identifies it, never the key. */
    private static Map<String, Object> audited(CertificateInfo info) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", info.name());
        values.put("revision", info.revision());
        values.put("subject", info.details().subject());
        values.put("issuer", info.details().issuer());
        values.put("dnsNames", info.details().dnsNames());
        values.put("notAfter", info.details().notAfter().toString());
        values.put("fingerprintSha256", info.details().fingerprintSha256());
        return values;
    }

    private StoredCertificate loadLocked(UUID tenantId, UUID certificateId) {
        return repository.findLockedByIdAndTenantId(certificateId, tenantId).orElseThrow(() -> notFound(certificateId));
    }

    private static NotFoundException notFound(UUID certificateId) {
        return new NotFoundException("No certificate " + certificateId);
    }
}
