package dev.signalbox.protocol;

/** Kinds of listener actions. */
public enum ActionType {
    FORWARD
}
