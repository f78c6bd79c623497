/**
 * HTTP forwarding on the node's own Netty servers: each listener connection answers its requests
 * one after another ({@link dev.signalbox.node.forwarding.ClientConnection}), each request is routed
 * and carried to a target over pooled keep-alive connections on the same event loop
 * ({@link dev.signalbox.node.forwarding.ProxiedRequest}), with retries, timeouts, the forwarded
 * headers and the node's own answers.
 */
@NullMarked
package dev.signalbox.node.forwarding;

import org.jspecify.annotations.NullMarked;
