/**
 * The Signalbox gateway node: a Spring Boot data plane on Netty that applies load balancer
 * snapshots from Kafka, binds their listener ports and carries HTTP, HTTPS and TCP traffic to targets.
 */
@NullMarked
package dev.signalbox.node;

import org.jspecify.annotations.NullMarked;
