/**
 * Active health checks: probes each target of a group on the group's interval, keeps a state
 * machine per target, and decorates a group's selector so that it only picks targets that are not
 * unhealthy nor ejected by outlier detection — or all of them in panic mode. The algorithms in {@code balancing} know nothing of health.
 */
@NullMarked
package dev.signalbox.node.health;

import org.jspecify.annotations.NullMarked;
