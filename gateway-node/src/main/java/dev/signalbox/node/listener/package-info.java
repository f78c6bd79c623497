/**
 * Binds one extra HTTP server per listener port in the applied config, sharing the WebFlux handler of the admin server.
 */
@NullMarked
package dev.signalbox.node.listener;

import org.jspecify.annotations.NullMarked;
