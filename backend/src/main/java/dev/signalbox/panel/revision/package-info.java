/**
 * The revision history of a load balancer: list, the configuration at a revision, a structured
 * diff between two revisions, and rollback (a new revision equal to an old one), which applies the
 * old revision's snapshot through the declarative configuration feature, exactly like a PUT.
 */
@NullMarked
package dev.signalbox.panel.revision;

import org.jspecify.annotations.NullMarked;
