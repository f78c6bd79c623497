/**
 * Live state reported by gateway nodes, consumed from Kafka into Redis: node status
 * ({@link dev.signalbox.panel.telemetry.NodeRevisions} tells which live node applied which revision),
 * target health per node ({@link dev.signalbox.panel.telemetry.TargetHealthReadings}) and traffic
 * summed over nodes into time buckets ({@link dev.signalbox.panel.telemetry.TrafficHistory}).
 */
@NullMarked
package dev.signalbox.panel.telemetry;

import org.jspecify.annotations.NullMarked;
