package dev.signalbox.protocol;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Kinds of listener and rule actions. */
public enum ActionType {
    /** Balance over one or more weighted target groups. */
    FORWARD,
    /** Answer with a redirect built from the request. */
    REDIRECT,
    /** Answer with a fixed status, content type and body. */
    FIXED_RESPONSE,
    /**
     * What a reader sees for an action type newer than itself; it must not act on the action (a
     * node answers as if no target were available) rather than reject the whole snapshot.
     */
    @JsonEnumDefaultValue
    UNKNOWN
}
