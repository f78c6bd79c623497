/**
 * The platform operator's views: every tenant and the gateway node fleet. Only users listed in
 * {@code signalbox.auth.operators} see them; for everybody else they do not exist (404).
 */
@NullMarked
package dev.signalbox.panel.operator;

import org.jspecify.annotations.NullMarked;
