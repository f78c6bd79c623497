package dev.signalbox.protocol;

/**
 * Target stickiness of a group.
 *
 * @param enabled         whether a client sticks to the target that served it first
 * @param type            how the client is recognised; {@code lb_cookie} (a cookie the node sets)
 * @param durationSeconds how long the stickiness lasts, 1 to 604800
 */
public record StickinessSnapshot(boolean enabled, String type, int durationSeconds) {

    public static final StickinessSnapshot DISABLED = new StickinessSnapshot(false, "lb_cookie", 86_400);
}
