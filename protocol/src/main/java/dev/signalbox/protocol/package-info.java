/**
 * The contract between the control panel and the gateway nodes: the snapshot of one load
 * balancer's configuration, the certificates HTTPS listeners serve (with the cipher that seals
 * their private keys), the node status report, the Kafka topic names and the JSON codec both
 * sides use. Nothing else is shared between panel and nodes.
 *
 * <p>Compatibility: every message carries {@code schemaVersion}. Readers ignore fields they do
 * not know, so a panel and nodes one version apart understand each other; fields are only ever
 * added, never renamed or repurposed within a topic version.
 */
@NullMarked
package dev.signalbox.protocol;

import org.jspecify.annotations.NullMarked;
