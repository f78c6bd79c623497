package dev.signalbox.protocol;

/** Protocol a listener accepts from clients. */
public enum ListenerProtocol {
    HTTP, HTTPS, TCP
}
