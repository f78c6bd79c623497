/**
 * Load balancers and their listeners. Every change under a load balancer bumps its revision and
 * announces {@link dev.signalbox.panel.loadbalancer.LoadBalancerRevised} in the same transaction.
 */
@NullMarked
package dev.signalbox.panel.loadbalancer;

import org.jspecify.annotations.NullMarked;
