package dev.signalbox.protocol;

/**
 * A fixed answer.
 *
 * @param statusCode  HTTP status, 200 to 599
 * @param contentType media type of the body
 * @param body        the body, at most 1024 bytes in UTF-8; empty for none
 */
public record FixedResponseSnapshot(int statusCode, String contentType, String body) {
}
