/**
 * The HTTP edge: security rules, problem+json for every error, strict JSON parsing, the
 * {@code /api/v1} prefix and hosting of the console's static files.
 */
@NullMarked
package dev.signalbox.panel.web;

import org.jspecify.annotations.NullMarked;
