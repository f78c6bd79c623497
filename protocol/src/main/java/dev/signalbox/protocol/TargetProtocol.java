package dev.signalbox.protocol;

/** Protocol a node speaks to the targets of a group (and its health checks). */
public enum TargetProtocol {
    HTTP, HTTPS, TCP
}
