/**
 * TCP listeners: one Netty server per TCP listener port of the applied config, proxying the bytes of
 * each accepted connection to a target of the listener's group, picked by the group's health-checked
 * selector.
 */
@NullMarked
package dev.signalbox.node.tcp;

import org.jspecify.annotations.NullMarked;
