package dev.signalbox.node.forwarding;

import java.util.function.LongSupplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.signalbox.node.metrics.MetricsRecorder;
import dev.signalbox.node.routing.ActiveConfig;
import dev.signalbox.node.routing.AttemptObserver;
import dev.signalbox.node.routing.InFlightRequests;
import dev.signalbox.node.routing.StickySessions;

/** What every request on an HTTP listener consults on its way: shared by all connections. */
@Component
class ForwardingContext {

    final ActiveConfig activeConfig;
    final StickySessions stickySessions;
    final GroupPolicies policies;
    final InFlightRequests inFlight;
    final AttemptObserver[] observers;
    final MetricsRecorder metrics;
    final TargetConnections connections;
    final LongSupplier nanoClock = System::nanoTime;

    ForwardingContext(ActiveConfig activeConfig, StickySessions stickySessions, GroupPolicies policies,
            InFlightRequests inFlight, ObjectProvider<AttemptObserver> observers, MetricsRecorder metrics,
            TargetConnections connections) {
        this.activeConfig = activeConfig;
        this.stickySessions = stickySessions;
        this.policies = policies;
        this.inFlight = inFlight;
        this.observers = observers.orderedStream().toArray(AttemptObserver[]::new);
        this.metrics = metrics;
        this.connections = connections;
    }
}
