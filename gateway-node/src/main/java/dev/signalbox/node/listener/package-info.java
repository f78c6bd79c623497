/**
 * Binds one HTTP server per listener port in the applied config, as the config changes.
 */
@NullMarked
package dev.signalbox.node.listener;

import org.jspecify.annotations.NullMarked;
