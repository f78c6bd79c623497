package dev.signalbox.protocol;

import java.util.UUID;

/**
 * A registered target.
 *
 * @param id     target id
 * @param host   IP address or host name
 * @param port   port on the target
 * @param weight relative weight, 0 to 1000 (0 takes no new requests)
 */
public record TargetSnapshot(UUID id, String host, int port, int weight) {
}
