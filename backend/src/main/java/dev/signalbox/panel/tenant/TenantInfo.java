package dev.signalbox.panel.tenant;

import java.util.UUID;

/** A tenant as other features see it; the slug is the tenant's DNS label and never changes. */
public record TenantInfo(UUID id, String slug, String name) {
}
