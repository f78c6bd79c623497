/**
 * Tenants: sign-up creates a tenant with its first admin, and other features look tenants up
 * through {@link dev.signalbox.panel.tenant.Tenants}.
 */
@NullMarked
package dev.signalbox.panel.tenant;

import org.jspecify.annotations.NullMarked;
