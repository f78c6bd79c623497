/**
 * The vocabulary of RFC 9457 problems every feature may raise: stable type URIs and the
 * exceptions for "not found" and "conflict". The web module renders them.
 */
@NullMarked
package dev.signalbox.panel.problem;

import org.jspecify.annotations.NullMarked;
