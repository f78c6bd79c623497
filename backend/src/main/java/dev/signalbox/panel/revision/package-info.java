/**
 * The revision history of a load balancer: list, the configuration at a revision, a structured
 * diff between two revisions, and rollback (a new revision equal to an old one). Writes go
 * through the load balancer and target group features' public restore services.
 */
@NullMarked
package dev.signalbox.panel.revision;

import org.jspecify.annotations.NullMarked;
