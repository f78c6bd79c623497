/**
 * The one structural diff of two JSON trees, shared by the revision history (diffs between
 * configurations) and the audit log (before/after of every change).
 */
@NullMarked
package dev.signalbox.panel.jsondiff;

import org.jspecify.annotations.NullMarked;
