package dev.signalbox.panel.auth;

/**
 * A user's role in its tenant: admins manage users, tokens and everything else; editors change
 * configuration; viewers only read.
 */
public enum Role {
    ADMIN, EDITOR, VIEWER;

    boolean mayChangeConfig() {
        return this != VIEWER;
    }

    boolean mayAdministerTenant() {
        return this == ADMIN;
    }

    boolean mayReadAudit() {
        return this != VIEWER;
    }
}
