/**
 * The headers a request carries to its target and back: request ids and the listener port, on top
 * of Spring Cloud Gateway's own X-Forwarded and hop-by-hop handling configured in application.yml.
 */
@NullMarked
package dev.signalbox.node.forwarding;

import org.jspecify.annotations.NullMarked;
