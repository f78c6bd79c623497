/**
 * HTTPS listeners: certificates read from the certificates topic and opened with the data-plane
 * keys, kept per certificate id and on disk, and chosen per TLS handshake by the server name the
 * client asks for (SNI) among the listeners of a port, so replaced certificates and new hosts take
 * effect without rebinding the port.
 */
@NullMarked
package dev.signalbox.node.tls;

import org.jspecify.annotations.NullMarked;
