/**
 * The Signalbox gateway node: a Spring Cloud Gateway data plane that applies load balancer
 * snapshots from Kafka, binds their listener ports and routes HTTP traffic to targets.
 */
@NullMarked
package dev.signalbox.node;

import org.jspecify.annotations.NullMarked;
