package dev.signalbox.node.health;

/** Where a target stands with its health checks, as ALB names it. */
public enum HealthState {
    /** Registered, no verdict yet; takes traffic, as with ALB. */
    INITIAL,
    HEALTHY,
    UNHEALTHY
}
