package dev.signalbox.protocol;

/** How a node picks one target of a group for a request or connection. */
public enum Algorithm {
    ROUND_ROBIN
}
