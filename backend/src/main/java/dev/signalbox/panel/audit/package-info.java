/**
 * The audit log: every configuration change (from {@code LoadBalancerRevised} and the revisions'
 * snapshots, so other features need do nothing) and every security event, with actor, time, source
 * address and a before/after diff; admins and editors read their tenant's log.
 */
@NullMarked
package dev.signalbox.panel.audit;

import org.jspecify.annotations.NullMarked;
