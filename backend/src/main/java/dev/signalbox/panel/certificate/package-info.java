/**
 * Certificates that HTTPS listeners serve: uploaded as PEM chain and private key, checked (order,
 * validity, key type and size, key belongs to the leaf), stored with the key encrypted at rest, and
 * announced with the key sealed for the gateway nodes ({@link dev.signalbox.panel.certificate.CertificateRevised}),
 * which the publish feature relays to the certificates topic. No API returns a private key.
 */
@NullMarked
package dev.signalbox.panel.certificate;

import org.jspecify.annotations.NullMarked;
