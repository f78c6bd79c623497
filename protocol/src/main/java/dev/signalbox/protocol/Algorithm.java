package dev.signalbox.protocol;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How a node picks one target of a group for a request or connection. A reader that meets an
 * algorithm newer than itself reads {@link #ROUND_ROBIN}: every group can be served that way.
 */
public enum Algorithm {
    @JsonEnumDefaultValue
    ROUND_ROBIN,
    /** Round robin in proportion to the targets' weights. */
    WEIGHTED_ROUND_ROBIN,
    /** The target with the fewest requests in flight. */
    LEAST_CONNECTIONS,
    /** The target with the lowest recent response time (peak EWMA, power of two choices). */
    LEAST_RESPONSE_TIME,
    /** A hash of the group's {@link HashKeySnapshot} picks the target, so a key sticks to one target. */
    CONSISTENT_HASH,
    /** A uniformly random target. */
    RANDOM
}
