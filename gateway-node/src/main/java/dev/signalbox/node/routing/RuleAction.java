package dev.signalbox.node.routing;

/** A compiled rule or default action: what it decides for one request that reached it. */
interface RuleAction {

    RoutingDecision decide();
}
