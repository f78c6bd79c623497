/**
 * Who is calling: users and their passwords, console sessions, API tokens and the principal
 * every request runs as ({@link dev.signalbox.panel.auth.CurrentPrincipal}).
 */
@NullMarked
package dev.signalbox.panel.auth;

import org.jspecify.annotations.NullMarked;
