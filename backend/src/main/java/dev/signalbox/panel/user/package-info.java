/**
 * The people of a tenant: admins invite users by e-mail (one-time link), list them, change their
 * roles and remove them. Accounts themselves, passwords and rights live in the auth feature.
 */
@NullMarked
package dev.signalbox.panel.user;

import org.jspecify.annotations.NullMarked;
