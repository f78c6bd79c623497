package dev.signalbox.protocol;

/** Protocol a node speaks to the targets of a group. */
public enum TargetProtocol {
    HTTP, HTTPS, TCP
}
