package dev.signalbox.protocol;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where a target stands on one node, with the states ALB names. */
public enum TargetHealthState {
    /** Registered, no verdict from the health checks yet; takes traffic. */
    INITIAL,
    HEALTHY,
    UNHEALTHY,
    /** Deregistered: takes no new requests while those in flight finish, until the delay ends. */
    DRAINING,
    /** What a reader sees for a state newer than itself. */
    @JsonEnumDefaultValue
    UNKNOWN
}
