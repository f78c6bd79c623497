/**
 * The local stack: embedded real services, the control panel and a gateway node as child JVMs,
 * two demo HTTP targets, and demo data created through the panel's own REST API.
 */
@NullMarked
package dev.signalbox.devstack;

import org.jspecify.annotations.NullMarked;
