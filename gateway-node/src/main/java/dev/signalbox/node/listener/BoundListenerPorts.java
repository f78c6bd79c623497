package dev.signalbox.node.listener;

import java.util.Map;
import java.util.SortedSet;

/**
 * Listener ports served by a server other than the HTTP listeners (TCP listeners), which
 * {@link ListenerPortBinder} reports together with its own, so status and health show every port.
 */
public interface BoundListenerPorts {

    SortedSet<Integer> boundPorts();

    /** Wanted ports that could not be bound, with the reason. */
    Map<Integer, String> failedPorts();
}
