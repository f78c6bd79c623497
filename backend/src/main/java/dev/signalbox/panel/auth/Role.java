package dev.signalbox.panel.auth;

/** A user's role in its tenant. */
public enum Role {
    ADMIN, EDITOR, VIEWER;

    boolean mayChangeConfig() {
        return this != VIEWER;
    }
}
