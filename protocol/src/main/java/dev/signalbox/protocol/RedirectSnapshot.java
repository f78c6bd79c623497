package dev.signalbox.protocol;

/**
 * A redirect answer. Each part may use the placeholders {@code #{protocol}}, {@code #{host}},
 * {@code #{port}}, {@code #{path}} and {@code #{query}}, which stand for the request's own values;
 * the defaults keep the request's part unchanged.
 *
 * @param statusCode 301 or 302
 * @param protocol   {@code HTTP}, {@code HTTPS} or {@code #{protocol}}
 * @param host       host name
 * @param port       port number or {@code #{port}}
 * @param path       absolute path, starting with {@code /}
 * @param query      query string without the leading {@code ?}; empty for none
 */
public record RedirectSnapshot(int statusCode, String protocol, String host, String port, String path, String query) {
}
