package dev.signalbox.panel.tenant;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.signalbox.panel.auth.TenantDirectory;
import dev.signalbox.panel.problem.NotFoundException;

/** Looks tenants up for the other features. */
@Service
@Transactional(readOnly = true)
public class Tenants implements TenantDirectory {

    private final TenantRepository repository;

    Tenants(TenantRepository repository) {
        this.repository = repository;
    }

    /** The tenant, which must exist: every caller holds an id taken from an authenticated principal. */
    public TenantInfo require(UUID tenantId) {
        return repository.findById(tenantId)
                .map(Tenant::info)
                .orElseThrow(() -> new NotFoundException("No tenant " + tenantId));
    }

    /** Every tenant of the platform, by slug; for operators, in the system row scope. */
    public List<TenantInfo> listAll() {
        return repository.findAllByOrderBySlug().stream().map(Tenant::info).toList();
    }

    @Override
    public TenantDirectory.Entry describe(UUID tenantId) {
        TenantInfo tenant = require(tenantId);
        return new TenantDirectory.Entry(tenant.id(), tenant.slug(), tenant.name());
    }
}
