/**
 * Target groups of a load balancer and the targets registered in them. Changes ask the load
 * balancer feature to bump the revision; this feature depends on it, never the other way.
 */
@NullMarked
package dev.signalbox.panel.targetgroup;

import org.jspecify.annotations.NullMarked;
