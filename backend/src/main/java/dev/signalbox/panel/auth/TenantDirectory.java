package dev.signalbox.panel.auth;

import java.util.UUID;

/**
 * Describes tenants for session responses; implemented by the tenant feature, which depends on
 * this one (so auth needs no dependency on it).
 */
public interface TenantDirectory {

    Entry describe(UUID tenantId);

    record Entry(UUID id, String slug, String name) {
    }
}
