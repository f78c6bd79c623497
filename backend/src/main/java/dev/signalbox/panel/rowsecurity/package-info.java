/**
 * Row-level security, the second wall of tenant isolation: every connection the panel takes from
 * the pool carries the row scope of the code path that takes it ({@link dev.signalbox.panel.rowsecurity.RowScope}),
 * and Postgres policies (see {@code V3__identity_and_audit.sql}) hide every other tenant's rows.
 */
@NullMarked
package dev.signalbox.panel.rowsecurity;

import org.jspecify.annotations.NullMarked;
