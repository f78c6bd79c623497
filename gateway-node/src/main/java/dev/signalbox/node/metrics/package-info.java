/**
 * What the node measures: every request's outcome per load balancer, target group and target in
 * windows the {@code report} package sends to the panel, and the node's Prometheus meters on the
 * admin port (traffic, target health, applied config, health probes). Counters and meters are bound
 * once per applied config; recording a request costs additions, no lookups of meters.
 */
@NullMarked
package dev.signalbox.node.metrics;

import org.jspecify.annotations.NullMarked;
