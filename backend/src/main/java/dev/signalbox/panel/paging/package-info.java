/**
 * Cursor pagination for every list of the API: keyset queries over a stable total order (a sort
 * key, then the id), so rows inserted while a client walks the pages never shift the others.
 * Cursors are opaque to clients.
 */
@NullMarked
package dev.signalbox.panel.paging;

import org.jspecify.annotations.NullMarked;
